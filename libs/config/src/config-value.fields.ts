import { EnvField, envField } from './config.fields';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** true/false (also 1/0, yes/no, on/off, any case). */
export function bool(defaultValue?: boolean): EnvField<boolean> {
  return envField(
    'expected true or false (or 1/0, yes/no, on/off)',
    (raw) => {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return undefined;
    },
    defaultValue,
  );
}

/** An absolute URL, optionally limited to some schemes (given without the colon: `['postgres', 'postgresql']`). */
export function url(defaultValue?: string, schemes?: readonly string[]): EnvField<string> {
  const expected = schemes ? `expected a URL with scheme ${schemes.join(' or ')}` : 'expected an absolute URL';
  return envField(
    expected,
    (raw) => {
      if (!URL.canParse(raw)) return undefined;
      const scheme = new URL(raw).protocol.slice(0, -1);
      return !schemes || schemes.includes(scheme) ? raw : undefined;
    },
    defaultValue,
  );
}

/** A comma-separated list with at least one item; items are trimmed, empty items dropped. */
export function csv(defaultValue?: readonly string[]): EnvField<string[]> {
  return envField(
    'expected a comma-separated list with at least one item',
    (raw) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
      return items.length > 0 ? items : undefined;
    },
    defaultValue ? [...defaultValue] : undefined,
  );
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** A duration in milliseconds: `250` (ms), `250ms`, `5s`, `2m`, `1h`. */
export function durationMs(defaultValue?: number): EnvField<number> {
  return envField(
    'expected a duration like 250, 250ms, 5s, 2m or 1h',
    (raw) => {
      const match = /^([0-9]+)(ms|s|m|h)?$/.exec(raw.trim());
      if (!match) return undefined;
      const value = Number(match[1]) * (DURATION_UNITS[match[2] ?? 'ms'] ?? 1);
      return Number.isSafeInteger(value) ? value : undefined;
    },
    defaultValue,
  );
}

/** One of a fixed set of words, compared exactly. */
export function enumOf<const T extends readonly [string, ...string[]]>(values: T, defaultValue?: T[number]): EnvField<T[number]> {
  return envField(`expected one of ${values.join(', ')}`, (raw) => values.find((value) => value === raw), defaultValue);
}

const GRPC_TARGET = /^(dns:\/\/\/)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):[0-9]{1,5}$/;

/** Where a gRPC server is: `host:port`, or `dns:///name:port` to spread calls over every address the name resolves to. */
export function grpcTarget(defaultValue?: string): EnvField<string> {
  return envField('expected host:port or dns:///name:port', (raw) => (GRPC_TARGET.test(raw.trim()) ? raw.trim() : undefined), defaultValue);
}
