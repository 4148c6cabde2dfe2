#!/usr/bin/env bash
# Lints and renders deploy/helm/payments, installing Helm 3 first when missing; checks and unit-tests
# its alerting rules with promtool (Debian's prometheus package, installed when missing).
# Helm has no Debian package and its release binaries cannot be downloaded here, so it is built
# from the Go module proxy (a few minutes once per machine; the binary lands in $(go env GOPATH)/bin).
# Usage: scripts/infra/helm.sh        (exit non-zero on any lint warning or render error)
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.19.5}"
# Kubernetes version for capabilities and deprecation checks; kubeVersion in Chart.yaml is >=1.25.
KUBE_VERSION="${KUBE_VERSION:-1.34.0}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHART="$REPO_ROOT/deploy/helm/payments"

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

# render NAME HELM_ARGS...: renders into a temporary file; prints only a summary line.
render() {
  local name="$1"; shift
  local out
  out="$(mktemp)"
  if ! helm template payments "$CHART" --namespace payments --kube-version "$KUBE_VERSION" "$@" >"$out"; then
    rm -f "$out"
    echo "helm: FAILED: helm template ($name)" >&2
    exit 1
  fi
  echo "helm: template ($name): $(grep -c '^kind:' "$out") objects"
  rm -f "$out"
}

ensure_helm
for values in "" "$CHART/ci/test-values.yaml"; do
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
render "default values"
render "ci/test-values.yaml" -f "$CHART/ci/test-values.yaml"
ensure_promtool
check_alerts
