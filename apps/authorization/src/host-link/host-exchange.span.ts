import { type Attributes, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

import type { Iso8583Message } from '@payments/iso8583';

const TRACER = '@payments/authorization/host-link';

/**
 * Runs one ISO 8583 exchange with an acquirer host in a CLIENT span `iso8583 <MTI>` (one span per
 * request and its response) that carries the MTIs, the STAN, the response code (DE 39) and the
 * host's address; never a card field, whatever the request holds. Failures (link down, timeout,
 * refusal) end it with an error status and their message, which names the MTI and STAN only.
 */
export function traceHostExchange(
  request: Iso8583Message,
  host: { host: string; port: number },
  exchange: () => Promise<Iso8583Message>,
): Promise<Iso8583Message> {
  const attributes: Attributes = {
    'iso8583.mti': request.mti,
    'server.address': host.host,
    'server.port': host.port,
  };
  const stan = request.fields[11];
  if (typeof stan === 'string') attributes['iso8583.stan'] = stan;
  return trace.getTracer(TRACER).startActiveSpan(`iso8583 ${request.mti}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      const response = await exchange();
      span.setAttribute('iso8583.response.mti', response.mti);
      const code = response.fields[39];
      if (typeof code === 'string') span.setAttribute('iso8583.response_code', code);
      return response;
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      span.recordException(err);
      span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
      throw error;
    } finally {
      span.end();
    }
  });
}
