import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import { RpcMetadata } from '../rpc.port';

const TRACER = '@payments/rpc';

/** `/package.Service/Method` as the OpenTelemetry RPC conventions name spans and attributes. */
function rpcAttributes(path: string, system: string) {
  const [service, method] = path.slice(1).split('/');
  return { 'rpc.system': system, 'rpc.service': service, 'rpc.method': method };
}

/**
 * Starts the CLIENT span of a call and writes its W3C trace context into a copy of the metadata,
 * so the handler's span (in another process or this one) continues the register's trace.
 */
export function startClientSpan(path: string, system: string, metadata: RpcMetadata): { span: Span; metadata: RpcMetadata } {
  const span = trace.getTracer(TRACER).startSpan(path.slice(1), { kind: SpanKind.CLIENT, attributes: rpcAttributes(path, system) });
  const carrier: RpcMetadata = { ...metadata };
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return { span, metadata: carrier };
}

/** Runs a handler in a SERVER span under the trace context the call carried (never whatever is active here). */
export function runInServerSpan<T>(path: string, system: string, metadata: RpcMetadata, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, metadata);
  return trace.getTracer(TRACER).startActiveSpan(path.slice(1), { kind: SpanKind.SERVER, attributes: rpcAttributes(path, system) }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      endFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks the span failed; the message is the RpcError's, which never carries card data. */
export function endFailed(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
