import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

import { redactCardData } from '../redaction/card-data.redactor';
import { redactLogValue } from '../redaction/log-value.redactor';
import { REDACTED, SENSITIVE_KEY_SPELLINGS } from '../redaction/sensitive-key.policy';
import { activeTraceFields } from '../tracing/active-trace.util';

export interface JsonLoggerOptions {
  service: string;
  /** pino level name: fatal, error, warn, info (default), debug, trace, silent. */
  level?: string;
  /** Where lines go; stdout (synchronously) when unset. */
  destination?: DestinationStream;
}

// Added by the mixin from our own span context: never scrubbed, a 32-hex trace id can contain a
// Luhn-valid digit run by chance and must stay joinable with the trace.
// Only values shaped like W3C ids are let through, so a caller's own `trace_id` field cannot carry a PAN.
const TRACE_ID_SHAPES: Readonly<Record<string, RegExp>> = { trace_id: /^[0-9a-f]{32}$/, span_id: /^[0-9a-f]{16}$/ };

/**
 * One JSON line per entry: time (ISO 8601 UTC), level (label), service, msg, trace_id/span_id of
 * the active span, and the logged fields. Card data is removed before anything is written
 * (PCI DSS 3.3/3.4): pino's `redact` censors sensitive keys at the top two levels, the log
 * formatter does the same at any depth and scrubs PANs and track data from every string (error
 * messages and stacks included), and the `msg` serializer scrubs the final interpolated message.
 */
export function createLogger(options: JsonLoggerOptions): Logger {
  const loggerOptions: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    mixin: () => ({ ...activeTraceFields() }),
    redact: {
      paths: SENSITIVE_KEY_SPELLINGS.flatMap((key) => [key, `*.${key}`]),
      censor: REDACTED,
    },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactRecord(bindings),
      log: (entry) => redactEntry(entry),
    },
    serializers: {
      msg: (message: unknown) => (typeof message === 'string' ? redactCardData(message) : redactLogValue(message)),
      err: (error: unknown) => (error instanceof Error ? redactLogValue(error) : error),
    },
  };
  const logger = options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
  return withRedactedChildBindings(logger);
}

// pino runs `formatters.bindings` for the root's base only, not for child bindings: scrub those
// here. Children inherit this `child` from the root through their prototype, so it holds at any depth.
function withRedactedChildBindings(logger: Logger): Logger {
  // Taken unbound on purpose: it is called with each child as `this`.
  const createChild = Reflect.get(logger, 'child') as unknown as CreateChild;
  const child: CreateChild = function (this: Logger, bindings, childOptions) {
    return createChild.call(this, redactRecord(bindings), childOptions);
  };
  logger.child = child as unknown as Logger['child'];
  return logger;
}

type CreateChild = (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) => Logger;

function redactEntry(entry: Record<string, unknown>): Record<string, unknown> {
  const traceFields: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (typeof value === 'string' && TRACE_ID_SHAPES[key]?.test(value)) traceFields[key] = value;
    else rest[key] = value;
  }
  return { ...traceFields, ...redactRecord(rest) };
}

function redactRecord(record: Record<string, unknown>): Record<string, unknown> {
  const redacted = redactLogValue(record);
  return typeof redacted === 'object' && redacted !== null ? (redacted as Record<string, unknown>) : {};
}
