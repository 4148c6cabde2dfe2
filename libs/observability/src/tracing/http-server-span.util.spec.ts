import { SpanKind, trace } from '@opentelemetry/api';

import { nameHttpServerSpan } from './http-server-span.util';
import { startTestTelemetry, type TestTelemetry } from './test-telemetry.bootstrap';

describe(nameHttpServerSpan.name, () => {
  let telemetry: TestTelemetry;

  beforeEach(() => {
    telemetry = startTestTelemetry('gateway');
  });
  afterEach(() => telemetry.shutdown());

  const run = (name: string, kind: SpanKind) =>
    trace.getTracer('spec').startActiveSpan(name, { kind }, (span) => {
      nameHttpServerSpan('POST', '/v1/purchases/:id/refund');
      span.end();
    });

  it('names the active HTTP server span after the route pattern and sets http.route', () => {
    run('POST', SpanKind.SERVER);

    const [span] = telemetry.exporter.getFinishedSpans();
    expect(span?.name).toBe('POST /v1/purchases/:id/refund');
    expect(span?.attributes['http.route']).toBe('/v1/purchases/:id/refund');
  });

  it('leaves a span that is not a server span as it is', () => {
    run('journal write', SpanKind.INTERNAL);

    const [span] = telemetry.exporter.getFinishedSpans();
    expect(span?.name).toBe('journal write');
    expect(span?.attributes).not.toHaveProperty('http.route');
  });
});
