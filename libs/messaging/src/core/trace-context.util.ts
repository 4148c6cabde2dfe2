import { Attributes, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import { MessageHeaders } from '../message-bus.port';

export const MESSAGING_TRACER = '@payments/messaging';

/** Writes the active W3C trace context (`traceparent`, `tracestate`) into a copy of the headers. */
export function withTraceContext(headers: MessageHeaders): MessageHeaders {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs a handler inside the context its message carried, in a CONSUMER span `<topic> process`
 * (OpenTelemetry messaging semantic conventions). It starts from the root context, never from
 * whatever happens to be active in the delivering code, so both buses trace the same way.
 */
export function runInConsumerSpan<T>(topic: string, headers: MessageHeaders, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const tracer = trace.getTracer(MESSAGING_TRACER);
  return tracer.startActiveSpan(`${topic} process`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) => settleSpan(span, fn));
}

/**
 * Runs a batch handler in one CONSUMER span `<topic> process` of its own trace, linked to the
 * context each message carried (a batch has no single parent).
 */
export function runInBatchSpan<T>(topic: string, carriers: readonly MessageHeaders[], attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const links = carriers.flatMap((headers) => {
    const linked = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers));
    return linked ? [{ context: linked }] : [];
  });
  const tracer = trace.getTracer(MESSAGING_TRACER);
  return tracer.startActiveSpan(`${topic} process`, { kind: SpanKind.CONSUMER, attributes, links }, ROOT_CONTEXT, (span) => settleSpan(span, fn));
}

/** Runs fn in span, records what it threw, and always ends the span. */
async function settleSpan<T>(span: Span, fn: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await fn(span);
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function markFailed(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/** Runs fn inside the trace context stored in headers (outbox rows keep their writer's trace). */
export function withStoredContext<T>(headers: MessageHeaders, fn: () => Promise<T>): Promise<T> {
  return context.with(propagation.extract(ROOT_CONTEXT, headers), fn);
}
