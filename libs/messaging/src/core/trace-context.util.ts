import { Attributes, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import { Headers, MessageHeaders } from '../message-bus.port';

export const MESSAGING_TRACER = '@payments/messaging';

/** Writes the active W3C trace context (`traceparent`, `tracestate`) into a copy of the headers. */
export function withTraceContext(headers: MessageHeaders): MessageHeaders {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs `fn` in a PRODUCER span `send <topic>` (OpenTelemetry messaging semantic conventions) under
 * the active context, the one an outbox row stored for its writer; the message then carries this
 * span's context, so its consumers continue the operation's trace.
 */
export function runInProducerSpan<T>(topic: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  const tracer = trace.getTracer(MESSAGING_TRACER);
  return tracer.startActiveSpan(`send ${topic}`, { kind: SpanKind.PRODUCER, attributes }, (span) => settleSpan(span, fn));
}

/**
 * Runs a handler inside the context its message carried, in a CONSUMER span `process <topic>`
 * (OpenTelemetry messaging semantic conventions). It starts from the root context, never from
 * whatever happens to be active in the delivering code, so both buses trace the same way.
 */
export function runInConsumerSpan<T>(topic: string, headers: MessageHeaders, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const tracer = trace.getTracer(MESSAGING_TRACER);
  return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) => settleSpan(span, fn));
}

/**
 * Runs a batch handler in one CONSUMER span `process <topic>`, linked to the context each message
 * carried. When every message comes from one trace (a batch of one, say), that span is a child of
 * the first message's context (and linked to the others), so the operation stays one trace.
 * Otherwise the batch span starts a trace of its own, and each message that carried a context gets
 * a CONSUMER span `process <topic>` in its own trace (a child of its context, linked to the batch
 * span) lasting as long as the batch: every operation's trace shows its message consumed.
 */
export function runInBatchSpan<T>(topic: string, carriers: readonly MessageHeaders[], attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  const parents = carriers.map((headers) => propagation.extract(ROOT_CONTEXT, headers));
  const linked = parents.flatMap((parent) => trace.getSpanContext(parent) ?? []);
  const links = linked.map((spanContext) => ({ context: spanContext }));
  const tracer = trace.getTracer(MESSAGING_TRACER);
  const traces = new Set(linked.map((spanContext) => spanContext.traceId));
  if (traces.size === 1 && linked.length === parents.length) {
    // The parent is not linked as well: a link beside the parent reference makes Jaeger show the span as FOLLOWS_FROM only.
    const others = links.filter((link) => link.context.spanId !== linked[0].spanId);
    return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes, links: others }, parents[0], (span) => settleSpan(span, fn));
  }
  return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes, links }, ROOT_CONTEXT, async (span) => {
    const batchLink = [{ context: span.spanContext() }];
    const perMessage: Attributes = { ...attributes };
    delete perMessage['messaging.batch.message_count'];
    const messageSpans = parents.flatMap((parent, i) =>
      trace.getSpanContext(parent)
        ? [
            tracer.startSpan(
              `process ${topic}`,
              { kind: SpanKind.CONSUMER, attributes: { ...perMessage, 'messaging.message.id': carriers[i][Headers.messageId] ?? '' }, links: batchLink },
              parent,
            ),
          ]
        : [],
    );
    try {
      return await settleSpan(span, fn);
    } catch (error) {
      for (const messageSpan of messageSpans) markFailed(messageSpan, error);
      throw error;
    } finally {
      for (const messageSpan of messageSpans) messageSpan.end();
    }
  });
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
