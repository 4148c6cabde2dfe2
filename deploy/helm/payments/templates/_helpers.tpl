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
