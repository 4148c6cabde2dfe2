import { FieldValueError } from './field-value.error';

/** An integer in minor units (or a count) as the caller gives it: a bigint or a safe integer number, never a fraction. */
export function integerValue(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new FieldValueError('must be an integer (a bigint, or a number without fraction within 2^53)');
}
