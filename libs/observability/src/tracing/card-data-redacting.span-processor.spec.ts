import { SpanStatusCode, trace } from '@opentelemetry/api';

import { CardDataRedactingSpanProcessor } from './card-data-redacting.span-processor';
import { startTestTelemetry, type TestTelemetry } from './test-telemetry.bootstrap';

const PAN = '5555555555554444';
const MASKED = '555555******4444';

describe(CardDataRedactingSpanProcessor.name, () => {
  let telemetry: TestTelemetry;

  beforeEach(() => {
    telemetry = startTestTelemetry('authorization');
  });
  afterEach(() => telemetry.shutdown());

  it('exports spans with card data redacted from attributes, events, status and name', () => {
    const span = trace.getTracer('spec').startSpan(`lookup ${PAN}`);
    span.setAttributes({
      'payment.note': `retry for card ${PAN}`,
      'card.pan': 'anything at all',
      'iso8583.field35': `;${PAN}=25121010000000000000?`,
      'card.numeric': 4242424242424242,
      'http.route': '/v1/payments/:id',
      'payment.amount_minor': 1999,
    });
    span.recordException(new Error(`host declined ${PAN}`));
    span.addEvent('host.reply', { detail: `pan ${PAN}` });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `failed for ${PAN}` });
    span.end();

    const [exported] = telemetry.exporter.getFinishedSpans();
    expect(exported?.name).toBe(`lookup ${MASKED}`);
    expect(exported?.attributes).toEqual({
      'payment.note': `retry for card ${MASKED}`,
      'card.pan': '[REDACTED]',
      'iso8583.field35': '[REDACTED]',
      'card.numeric': '[REDACTED]',
      'http.route': '/v1/payments/:id',
      'payment.amount_minor': 1999,
    });
    const [exception, reply] = exported?.events ?? [];
    expect(exception?.attributes?.['exception.message']).toBe(`host declined ${MASKED}`);
    expect(exception?.attributes?.['exception.stacktrace']).toEqual(expect.stringContaining(`host declined ${MASKED}`));
    expect(reply?.attributes).toEqual({ detail: `pan ${MASKED}` });
    expect(exported?.status.message).toBe(`failed for ${MASKED}`);
    expect(JSON.stringify(exported?.events)).not.toContain(PAN);
  });

  it('keeps the span identity so the exported span joins its trace', () => {
    const tracer = trace.getTracer('spec');
    const ids = tracer.startActiveSpan('parent', (parent) => {
      const child = tracer.startSpan('child');
      child.end();
      parent.end();
      return parent.spanContext();
    });

    const spans = telemetry.exporter.getFinishedSpans();
    expect(spans.map((span) => span.spanContext().traceId)).toEqual([ids.traceId, ids.traceId]);
    expect(spans[0]?.parentSpanContext?.spanId).toBe(ids.spanId);
  });
});
