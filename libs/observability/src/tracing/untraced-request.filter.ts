// Probe and scrape requests arrive every few seconds from kubelet and Prometheus: tracing them would
// drown the payment traces and cost exporter bandwidth for nothing.
const UNTRACED_PATH_PATTERN = /^\/(?:health|metrics)(?:[/?#]|$)/;

/** True for an incoming request path (with or without query) that is not traced: /health*, /metrics. */
export function isUntracedRequestPath(url: string | undefined): boolean {
  return url !== undefined && UNTRACED_PATH_PATTERN.test(url);
}
