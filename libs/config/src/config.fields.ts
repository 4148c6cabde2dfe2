import { z } from 'zod';

/** A schema for one environment variable: reads `string | undefined`, yields a typed value. */
export type EnvField<T> = z.ZodType<T, string | undefined>;

/**
 * Builds a field: unset -> `defaultValue` (or the `required` problem when there is none);
 * set -> `parse(raw)`, where `undefined` means invalid and `expected` says what would be valid.
 */
export function envField<T>(expected: string, parse: (raw: string) => T | undefined, defaultValue?: T): EnvField<T> {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined) {
        if (defaultValue !== undefined) {
          return defaultValue;
        }
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      const value = parse(raw);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: expected });
        return z.NEVER;
      }
      return value;
    });
}

/** Makes a field optional with no default: unset -> undefined, set -> validated by `field`. */
export function optional<T>(field: EnvField<T>): EnvField<T | undefined> {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (raw === undefined) {
        return undefined;
      }
      const result = field.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message });
        }
        return z.NEVER;
      }
      return result.data;
    });
}

/** A non-empty string (leading/trailing spaces kept: secrets may contain them). */
export function text(defaultValue?: string): EnvField<string> {
  return envField('expected a non-empty string', (raw) => raw, defaultValue);
}

/** A whole number within [min, max]. */
export function int(defaultValue?: number, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): EnvField<number> {
  const range = min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER ? '' : ` ${min}-${max}`;
  return envField(
    `expected a whole number${range}`,
    (raw) => {
      if (!/^-?[0-9]+$/.test(raw)) return undefined;
      const value = Number(raw);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    defaultValue,
  );
}

/** A TCP port 1-65535. */
export function port(defaultValue?: number): EnvField<number> {
  return envField(
    'expected a number 1-65535',
    (raw) => {
      if (!/^[0-9]{1,5}$/.test(raw)) return undefined;
      const value = Number(raw);
      return value >= 1 && value <= 65535 ? value : undefined;
    },
    defaultValue,
  );
}
