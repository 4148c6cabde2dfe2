{{/* Chart name, overridable. */}}
{{- define "payments.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-wide full name: <release>-<chart> unless the release name already holds the chart name. */}}
{{- define "payments.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one app's objects: <fullname>-<app>. Call with (dict "root" $ "app" $name). */}}
{{- define "payments.appFullname" -}}
{{- printf "%s-%s" (include "payments.fullname" .root) .app | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "payments.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "payments.labels" -}}
helm.sh/chart: {{ include "payments.chart" . }}
{{ include "payments.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: payments-platform
{{- end }}

{{- define "payments.selectorLabels" -}}
app.kubernetes.io/name: {{ include "payments.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* One app's labels: the common ones plus its component. Call with (dict "root" $ "app" $name). */}}
{{- define "payments.appLabels" -}}
{{ include "payments.labels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{- define "payments.appSelectorLabels" -}}
{{ include "payments.selectorLabels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{- define "payments.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "payments.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "payments.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "payments.configMapName" -}}
{{- printf "%s-config" (include "payments.fullname" .) }}
{{- end }}

{{/* The Secret with DATABASE_URL and REDIS_URL: the operator's or the chart's. */}}
{{- define "payments.secretName" -}}
{{- default (printf "%s-connections" (include "payments.fullname" .)) .Values.secrets.existingSecret }}
{{- end }}

{{- define "payments.redisUrl" -}}
{{- default (printf "redis://%s:%v" .Values.redis.host .Values.redis.port) .Values.secrets.redisUrl }}
{{- end }}

{{/* Entry points inside the image (see the Dockerfile: the build output lives in /app/dist). */}}
{{- define "payments.mainScript" -}}
{{- printf "dist/apps/%s/src/main.js" . }}
{{- end }}

{{- define "payments.migrateScript" -}}
{{- printf "dist/apps/%s/src/migrate.js" . }}
{{- end }}

{{/* Environment shared by the app containers and the migration Jobs. */}}
{{- define "payments.envFrom" -}}
- configMapRef:
    name: {{ include "payments.configMapName" . }}
- secretRef:
    name: {{ include "payments.secretName" . }}
{{- end }}

{{/* An app's own env map as a container env list, sorted for stable diffs. */}}
{{- define "payments.appEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* Secret the migration Jobs read: pre-install hooks run before the chart's own Secret exists. */}}
{{- define "payments.migrationSecretName" -}}
{{- default (printf "%s-migrations" (include "payments.fullname" .)) .Values.secrets.existingSecret }}
{{- end }}

{{/* Container securityContext, shared by apps and Jobs. */}}
{{- define "payments.containerSecurityContext" -}}
{{- toYaml .Values.securityContext }}
{{- end }}

{{/*
One app's autoscaling settings as YAML (use with fromYaml): the release-wide `autoscaling` under the
app's own, minReplicas defaulting to the app's replicas. Call with (dict "root" $ "app" $name).
*/}}
{{- define "payments.appAutoscaling" -}}
{{- $cfg := index .root.Values.apps .app }}
{{- /* Key by key: sprig's merge would let the release's `enabled: true` win over an app's false. */}}
{{- $merged := deepCopy .root.Values.autoscaling }}
{{- range $key, $value := ($cfg.autoscaling | default dict) }}
{{- $_ := set $merged $key $value }}
{{- end }}
{{- $_ := set $merged "minReplicas" (int (default $cfg.replicas $merged.minReplicas)) }}
{{- if lt (int $merged.minReplicas) 1 }}
{{- $_ := set $merged "enabled" false }}
{{- end }}
{{- toYaml $merged }}
{{- end }}

{{/* The fewest replicas an app runs with: its HPA's minReplicas when it has one, else replicas. */}}
{{- define "payments.minReplicas" -}}
{{- $as := include "payments.appAutoscaling" . | fromYaml }}
{{- if $as.enabled }}{{ $as.minReplicas }}{{ else }}{{ (index .root.Values.apps .app).replicas }}{{ end }}
{{- end }}

{{/* An app's metrics port name: the operator port where it has one (the gateway), else http. */}}
{{- define "payments.metricsPortName" -}}
{{- if .operatorPort }}operator{{ else }}http{{ end }}
{{- end }}

{{/*
Who calls whom inside the release: callee -> list of {from, port} (a port key of the callee's
values). NetworkPolicies let exactly these in.
*/}}
{{- define "payments.callers" -}}
authorization:
  - { from: gateway, port: internalGrpcPort }
antifraud:
  - { from: authorization, port: internalGrpcPort }
gateway:
  - { from: device-bridge, port: port }
{{- end }}

{{/* The Secret of the helm test register's key: the operator's or the chart's. */}}
{{- define "payments.testsSecretName" -}}
{{- default (printf "%s-tests" (include "payments.fullname" .)) .Values.tests.existingSecret }}
{{- end }}

{{/* The pod-level parts every pod of the chart shares (apps, migration Jobs, test pods). */}}
{{- define "payments.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The scratch volume of the read-only root filesystem: its mount, and the volume. */}}
{{- define "payments.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "payments.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- end }}

{{/* Where every pod of the release mounts internalTls.existingSecret (tls.crt, tls.key, ca.crt). */}}
{{- define "payments.tlsDir" -}}
/etc/payments/tls
{{- end }}

{{/*
"true" when an app's `http` port serves HTTPS: with internalTls on, every app's, except the
gateway's (registers reach it through the ingress) unless internalTls.gatewayRegisterPorts.
Call with (dict "root" $ "app" $name).
*/}}
{{- define "payments.httpTls" -}}
{{- $tls := .root.Values.internalTls }}
{{- if and $tls.enabled (or (ne .app "gateway") $tls.gatewayRegisterPorts) }}true{{ end }}
{{- end }}

{{/* "true" when an app's metrics port serves HTTPS: an operator port always does with internalTls on. */}}
{{- define "payments.metricsTls" -}}
{{- if (index .root.Values.apps .app).operatorPort }}
{{- if .root.Values.internalTls.enabled }}true{{ end }}
{{- else }}
{{- include "payments.httpTls" . }}
{{- end }}
{{- end }}

{{/* http or https for a URL of an app's `http` port. Call with (dict "root" $ "app" $name). */}}
{{- define "payments.httpScheme" -}}
{{- if include "payments.httpTls" . }}https{{ else }}http{{ end }}
{{- end }}

{{/* The names the internal certificate must carry: each Service of the release, short and in-namespace. */}}
{{- define "payments.tlsDnsNames" -}}
{{- range $app, $cfg := .Values.apps }}
{{- if $cfg.enabled }}
{{- $name := include "payments.appFullname" (dict "root" $ "app" $app) }}
{{- $names := list $name }}
{{- if $cfg.internalGrpcPort }}{{ $names = append $names (printf "%s-grpc" $name) }}{{ end }}
{{- range $names }}
- {{ . }}
- {{ . }}.{{ $.Release.Namespace }}.svc
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The internal TLS Secret as a volume (no subPath: a renewed Secret reaches the running pods). */}}
{{- define "payments.tlsVolume" -}}
- name: internal-tls
  secret:
    secretName: {{ .Values.internalTls.existingSecret }}
    defaultMode: 0440
    items:
      - { key: tls.crt, path: tls.crt }
      - { key: tls.key, path: tls.key }
      - { key: ca.crt, path: ca.crt }
{{- end }}
