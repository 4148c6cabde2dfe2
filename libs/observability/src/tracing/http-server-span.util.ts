import { SpanKind, trace } from '@opentelemetry/api';

/**
 * Names the active HTTP SERVER span after the matched route, as the OpenTelemetry HTTP
 * conventions do (`POST /v1/purchases`, `http.route`): the HTTP instrumentation only knows the
 * method when the request arrives. The pattern, never the raw URL, so no id or card number lands
 * in a span name. Does nothing outside such a span.
 */
export function nameHttpServerSpan(method: string, route: string): void {
  const span = trace.getActiveSpan();
  if (!span || !isServerSpan(span)) return;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
}

// The API's Span hides its kind; the SDK's span has it.
function isServerSpan(span: object): boolean {
  return 'kind' in span && span.kind === SpanKind.SERVER;
}
