import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

import { redactCardData } from '../redaction/card-data.redactor';
import { redactResource } from './resource.redactor';
import { redactSpanAttributes } from './span-attribute.redactor';

/**
 * Sits in front of the exporting processors and hands them a redacted view of every ended span:
 * name, status message, attributes, event names and attributes (recorded exceptions carry the
 * error message and stack), link attributes and the resource (it holds the command line). PCI DSS 3.3/3.4: card data never leaves the
 * process in a trace, whatever instrumentation or application code put on the span.
 */
export class CardDataRedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly downstream: readonly SpanProcessor[] = []) {}

  onStart(span: Span, parentContext: Context): void {
    for (const processor of this.downstream) processor.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // Nothing exports (no collector configured): there is nobody to hand a redacted copy to.
    if (this.downstream.length === 0) return;
    const redacted = redactSpan(span);
    for (const processor of this.downstream) processor.onEnd(redacted);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.downstream.map((processor) => processor.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.downstream.map((processor) => processor.shutdown()));
  }
}

export function redactSpan(span: ReadableSpan): ReadableSpan {
  const { status } = span;
  return {
    name: redactCardData(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: status.message === undefined ? status : { ...status, message: redactCardData(status.message) },
    attributes: redactSpanAttributes(span.attributes),
    links: span.links.map((link) => (link.attributes ? { ...link, attributes: redactSpanAttributes(link.attributes) } : link)),
    events: span.events.map((event) => ({
      ...event,
      name: redactCardData(event.name),
      ...(event.attributes ? { attributes: redactSpanAttributes(event.attributes) } : {}),
    })),
    duration: span.duration,
    ended: span.ended,
    resource: redactResource(span.resource),
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}
