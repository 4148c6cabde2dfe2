import { stdSerializers } from 'pino';

import { isPanLikeInteger, redactCardData } from './card-data.redactor';
import { isSensitiveKey, REDACTED } from './sensitive-key.policy';

const MAX_DEPTH = 12;

/**
 * Deep copy of a value about to be logged, with card data removed (PCI DSS 3.3/3.4): values under
 * sensitive keys become '[REDACTED]' at any depth, strings go through {@link redactCardData},
 * errors are serialized (type, message, stack, cause) and scrubbed, and binary buffers are never
 * written out (their bytes could be an ASCII PAN that no text scrubber would recognise).
 */
export function redactLogValue(value: unknown): unknown {
  return redact(value, 0, new WeakSet<object>());
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactCardData(value);
    case 'number':
    case 'bigint':
      return isPanLikeInteger(value) ? REDACTED : value;
    case 'object':
      return value === null ? null : redactObject(value, depth, seen);
    case 'undefined':
    case 'boolean':
    case 'symbol':
    case 'function':
      return value;
  }
}

function redactObject(value: object, depth: number, seen: WeakSet<object>): unknown {
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  seen.add(value);
  try {
    return redactContainer(value, depth + 1, seen);
  } finally {
    seen.delete(value);
  }
}

function redactContainer(value: object, depth: number, seen: WeakSet<object>): unknown {
  if (value instanceof Error) return redactEntries(Object.entries(stdSerializers.err(value)), depth, seen);
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, depth, seen));
  if (value instanceof Map)
    return redactEntries(
      [...value.entries()].map(([k, v]) => [String(k), v]),
      depth,
      seen,
    );
  if (value instanceof Set) return [...value].map((item: unknown) => redact(item, depth, seen));
  if (hasToJson(value)) return redact(value.toJSON(), depth, seen);
  return redactEntries(Object.entries(value), depth, seen);
}

function redactEntries(entries: Array<[string, unknown]>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    copy[key] = isSensitiveKey(key) && item !== undefined ? REDACTED : redact(item, depth, seen);
  }
  return copy;
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
