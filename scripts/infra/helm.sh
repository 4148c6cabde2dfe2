#!/usr/bin/env bash
# Lints and renders deploy/helm/payments with its default, production-like (ci/test-values.yaml) and
# minimal (ci/minimal-values.yaml) values, installing Helm 3 first when missing; strictly decodes
# every rendered object into the Kubernetes API types (tools/k8s-validate, k8s.io/api); checks and
# unit-tests its alerting rules with promtool (Debian's prometheus package, installed when missing).
# The Grafana dashboards are generated first (`npm run dashboards` writes the chart's dashboards/,
# gitignored), since the production-like values provision them as ConfigMaps.
# Helm has no Debian package and its release binaries cannot be downloaded here, so it is built
# from the Go module proxy (a few minutes once per machine; the binary lands in $(go env GOPATH)/bin).
# Usage: scripts/infra/helm.sh        (exit non-zero on any lint warning or render error)
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.19.5}"
# Kubernetes version for lint's capabilities and deprecation checks; kubeVersion in Chart.yaml is >=1.25.
KUBE_VERSION="${KUBE_VERSION:-1.34.0}"
# Every render is made for the oldest and the newest supported version (the README's range); the
# objects are decoded with the API types of k8s.io/api in tools/k8s-validate/go.mod (1.37).
RENDER_KUBE_VERSIONS="${RENDER_KUBE_VERSIONS:-1.25.0 1.37.0}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHART="$REPO_ROOT/deploy/helm/payments"
VALIDATOR_SRC="$REPO_ROOT/tools/k8s-validate"
VALIDATOR="$REPO_ROOT/.infra/bin/k8s-validate" # .infra/: ignored by git and by the image build
VALUES_FILES=("" "$CHART/ci/test-values.yaml" "$CHART/ci/minimal-values.yaml")

ensure_helm() {
  local gobin
  if command -v go >/dev/null; then
    gobin="$(go env GOPATH)/bin"
    export PATH="$PATH:$gobin"
  fi
  if command -v helm >/dev/null && [[ "$(helm version --short 2>/dev/null)" == v3.* ]]; then
    return 0
  fi
  command -v go >/dev/null || { echo "helm: FAILED: neither helm 3 nor go is installed" >&2; exit 1; }
  # The ldflags are the ones Helm's own Makefile sets: without them `helm version` prints no
  # patch and the default capabilities would be Kubernetes 1.20.
  local pkg=helm.sh/helm/v3
  echo "helm: building $HELM_VERSION with go install (once per machine)" >&2
  go install -ldflags "-w -s -X $pkg/internal/version.version=$HELM_VERSION -X $pkg/internal/version.gitTreeState=clean \
    -X $pkg/pkg/lint/rules.k8sVersionMajor=1 -X $pkg/pkg/lint/rules.k8sVersionMinor=34 \
    -X $pkg/pkg/chartutil.k8sVersionMajor=1 -X $pkg/pkg/chartutil.k8sVersionMinor=34" \
    "$pkg/cmd/helm@$HELM_VERSION"
  helm version --short >/dev/null
}

# Builds tools/k8s-validate (modules from the Go module proxy) when its sources changed since the
# last build, after its tests prove it refuses an unknown field, a wrong type and an unknown kind.
ensure_validator() {
  command -v go >/dev/null || { echo "helm: FAILED: go is needed to build tools/k8s-validate" >&2; exit 1; }
  local sum out
  sum="$(cd "$VALIDATOR_SRC" && cat go.mod go.sum ./*.go testdata/* | sha256sum | cut -d' ' -f1)"
  if [[ -x "$VALIDATOR" && "$(cat "$VALIDATOR.sum" 2>/dev/null)" == "$sum" ]]; then
    return 0
  fi
  echo "helm: building tools/k8s-validate" >&2
  if ! out="$(cd "$VALIDATOR_SRC" && go test ./... 2>&1 && go build -o "$VALIDATOR" . 2>&1)"; then
    echo "$out" >&2
    echo "helm: FAILED: tools/k8s-validate (go test / go build)" >&2
    exit 1
  fi
  echo "$sum" >"$VALIDATOR.sum"
}

# Debian's prometheus package carries promtool; its server is not started here (no systemd).
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  # shellcheck source=lib.sh
  source "$REPO_ROOT/scripts/infra/lib.sh"
  apt_install alerts prometheus
}

# The rule files must load, and each alert must fire (and stay quiet) as its test series say.
check_alerts() {
  local out
  if ! out="$(promtool check rules "$CHART"/alerts/*.rules.yaml 2>&1 && promtool test rules "$REPO_ROOT"/deploy/alert-tests/*.test.yaml 2>&1)"; then
    echo "$out" >&2
    echo "helm: FAILED: promtool check/test rules" >&2
    exit 1
  fi
  echo "helm: alerts: $(grep -c '^  *- alert:' "$CHART"/alerts/*.rules.yaml | awk -F: '{ n += $NF } END { print n }') rules checked and tested"
}

# render NAME KUBE_VERSION HELM_ARGS...: renders into a temporary file and validates every object;
# prints only a summary line.
render() {
  local name="$1" version="$2"; shift 2
  local out summary
  out="$(mktemp)"
  if ! helm template payments "$CHART" --namespace payments --kube-version "$version" "$@" >"$out"; then
    rm -f "$out"
    echo "helm: FAILED: helm template ($name, Kubernetes $version)" >&2
    exit 1
  fi
  if ! summary="$("$VALIDATOR" <"$out")"; then
    rm -f "$out"
    echo "helm: FAILED: k8s-validate ($name, Kubernetes $version)" >&2
    exit 1
  fi
  echo "helm: template ($name, Kubernetes $version): ${summary#k8s-validate: }"
  rm -f "$out"
}

# Writes deploy/helm/payments/dashboards/*.json from deploy/dashboards (a fresh checkout has none).
generate_dashboards() {
  local out
  if ! out="$(cd "$REPO_ROOT" && npm run --silent dashboards 2>&1)"; then
    echo "$out" >&2
    echo "helm: FAILED: npm run dashboards" >&2
    exit 1
  fi
  echo "helm: dashboards: $(grep -c '^dashboards: ' <<<"$out") generated"
}

# The production-like render must carry one ConfigMap per generated dashboard, with the sidecar's label.
check_dashboard_configmaps() {
  local expected rendered
  expected="$(find "$CHART/dashboards" -name '*.json' | wc -l)"
  rendered="$(helm template payments "$CHART" --namespace payments -f "$CHART/ci/test-values.yaml" \
    | grep -c '^    grafana_dashboard: "1"$' || true)"
  if [[ "$expected" -eq 0 || "$rendered" -ne "$expected" ]]; then
    echo "helm: FAILED: $rendered dashboard ConfigMaps rendered for $expected dashboards" >&2
    exit 1
  fi
}

# internalTls in the production-like values: every app mounts the Secret and reads TLS_*; every
# probe is HTTPS but the gateway's (its register port stays plaintext behind the ingress) and every
# ServiceMonitor scrapes HTTPS; with gatewayRegisterPorts the gateway's probes are HTTPS too (and
# that render is validated as well).
check_internal_tls() {
  local out deployments https_probes http_probes monitors https_monitors
  out="$(helm template payments "$CHART" --namespace payments -f "$CHART/ci/test-values.yaml")"
  deployments="$(grep -c '^kind: Deployment$' <<<"$out")"
  https_probes="$(grep -c 'port: http, scheme: HTTPS }' <<<"$out" || true)"
  http_probes="$(grep -c 'port: http, scheme: HTTP }' <<<"$out" || true)"
  monitors="$(grep -c '^kind: ServiceMonitor$' <<<"$out")"
  https_monitors="$(grep -c '^      scheme: https$' <<<"$out" || true)"
  if [[ "$(grep -c 'name: TLS_CERT_FILE$' <<<"$out")" -ne "$deployments" || "$https_probes" -ne $((3 * (deployments - 1))) \
    || "$http_probes" -ne 3 || "$https_monitors" -ne "$monitors" || "$monitors" -eq 0 ]]; then
    echo "helm: FAILED: internalTls: $deployments Deployments, $https_probes HTTPS and $http_probes HTTP probes, $https_monitors of $monitors ServiceMonitors on HTTPS" >&2
    exit 1
  fi
  out="$(helm template payments "$CHART" --namespace payments -f "$CHART/ci/test-values.yaml" --set internalTls.gatewayRegisterPorts=true)"
  if [[ "$(grep -c 'port: http, scheme: HTTPS }' <<<"$out")" -ne $((3 * deployments)) || "$out" != *'GATEWAY_REGISTER_TLS'*'value: "on"'* ]]; then
    echo "helm: FAILED: internalTls.gatewayRegisterPorts=true left a plaintext probe or GATEWAY_REGISTER_TLS off" >&2
    exit 1
  fi
  render "ci/test-values.yaml + internalTls.gatewayRegisterPorts" "$KUBE_VERSION" -f "$CHART/ci/test-values.yaml" --set internalTls.gatewayRegisterPorts=true
}

# With dashboards.enabled and no generated files (a chart copied without them), the render must
# fail and say how to make them.
refuses_without_dashboards() {
  local copy out
  copy="$(mktemp -d)"
  cp -r "$CHART" "$copy/payments"
  rm -rf "$copy/payments/dashboards"
  if out="$(helm template payments "$copy/payments" --set dashboards.enabled=true 2>&1)"; then
    rm -rf "$copy"
    echo "helm: FAILED: rendered dashboards.enabled=true without dashboards/*.json" >&2
    exit 1
  fi
  rm -rf "$copy"
  if [[ "$out" != *"npm run dashboards"* ]]; then
    echo "$out" >&2
    echo "helm: FAILED: refused dashboards.enabled=true without naming npm run dashboards" >&2
    exit 1
  fi
}

ensure_helm
ensure_validator
generate_dashboards
for values in "${VALUES_FILES[@]}"; do
  args=(--kube-version "$KUBE_VERSION")
  [[ -n "$values" ]] && args+=(-f "$values")
  # --strict turns every warning into a failure; the output is kept short on success.
  if ! lint_out="$(helm lint --strict "$CHART" "${args[@]}" 2>&1)"; then
    echo "$lint_out" >&2
    echo "helm: FAILED: helm lint --strict ${values:+-f ${values#"$REPO_ROOT"/}}" >&2
    exit 1
  fi
  echo "helm: lint --strict${values:+ -f ${values#"$REPO_ROOT"/}}: ok"
done
for version in $RENDER_KUBE_VERSIONS; do
  for values in "${VALUES_FILES[@]}"; do
    if [[ -n "$values" ]]; then
      render "${values#"$CHART"/}" "$version" -f "$values"
    else
      render "default values" "$version"
    fi
  done
done
# What the chart must refuse: values that would render a broken or falsely safe release.
refuses() {
  local expected="$1"; shift
  local out
  if out="$(helm template payments "$CHART" --namespace payments "$@" 2>&1)"; then
    echo "helm: FAILED: rendered although it should refuse ($*)" >&2
    exit 1
  fi
  if [[ "$out" != *"$expected"* ]]; then
    echo "$out" >&2
    echo "helm: FAILED: refused ($*) without naming $expected" >&2
    exit 1
  fi
}
refuses "/internalTls/existingSecret" --set internalTls.enabled=true
refuses "/internalTls/clientAuth" --set internalTls.enabled=true --set internalTls.existingSecret=tls --set internalTls.clientAuth=optional
refuses "networkPolicy.egress.postgresql.to: empty" --set networkPolicy.egress.restrict=true
refuses "gateway consumes no Kafka topic" --set apps.gateway.autoscaling.consumerLag.enabled=true \
  --set apps.gateway.autoscaling.consumerLag.type=External --set apps.gateway.autoscaling.consumerLag.metricName=lag \
  --set-string apps.gateway.autoscaling.consumerLag.averageValue=10
refuses "/tests/terminalKey" --set tests.purchase.enabled=true
refuses_without_dashboards
check_dashboard_configmaps
check_internal_tls
echo "helm: refusals: internal TLS without a Secret or with an unknown clientAuth, open egress, consumer lag without a consumer, a test register without a key, dashboards not generated"
ensure_promtool
check_alerts
