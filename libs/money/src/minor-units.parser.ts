import { currencyByAlpha } from './currency.lookup';
import { MoneyError } from './money.error';

/** ISO 8583 DE 4 (amount, transaction) is n12: at most 12 digits of minor units. */
export const MAX_MINOR_UNIT_DIGITS = 12;

export interface ParseMinorUnitsOptions {
  /** Name used in error messages (the JSON field or ISO 8583 data element). */
  field?: string;
  /** Maximum number of digits, 12 by default (ISO 8583 DE 4). */
  maxDigits?: number;
}

/**
 * Parses a non-negative amount in minor units written as digits only (`'001234'` -> 1234n).
 * Leading zeros are allowed (fixed-width ISO 8583 fields); signs, spaces, decimal points and
 * exponents are rejected, so a float never sneaks in.
 */
export function parseMinorUnits(value: string, options: ParseMinorUnitsOptions = {}): bigint {
  const field = options.field ?? 'amount';
  const maxDigits = options.maxDigits ?? MAX_MINOR_UNIT_DIGITS;
  if (value.length === 0) {
    throw new MoneyError(field, 'is empty, expected digits of minor units');
  }
  if (value.startsWith('-')) {
    throw new MoneyError(field, `"${value}" is negative, expected a non-negative amount in minor units`);
  }
  if (!/^[0-9]+$/.test(value)) {
    throw new MoneyError(field, `"${value}" must contain digits 0-9 only (minor units, no sign, decimal point or spaces)`);
  }
  if (value.length > maxDigits) {
    throw new MoneyError(field, `"${value}" has ${value.length} digits, at most ${maxDigits} are allowed`);
  }
  return BigInt(value);
}

/**
 * Parses a decimal major-unit amount (`'12.34'` EUR -> 1234n) with exactly the currency's
 * exponent or fewer fractional digits; more fractional digits than the currency has are rejected
 * rather than rounded.
 */
export function parseDecimalAmount(value: string, currency: string, field = 'amount'): bigint {
  const { minorUnits } = currencyByAlpha(currency, 'currency');
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value);
  if (!match) {
    throw new MoneyError(field, `"${value}" is not a non-negative decimal amount like 12.34`);
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > minorUnits) {
    throw new MoneyError(field, `"${value}" has ${fraction.length} decimal places, ${currency} allows ${minorUnits}`);
  }
  return BigInt(whole + fraction.padEnd(minorUnits, '0'));
}

/** Writes minor units as zero-padded digits for a fixed-width field (ISO 8583 DE 4: width 12). */
export function formatMinorUnits(amountMinor: bigint, width = MAX_MINOR_UNIT_DIGITS, field = 'amount'): string {
  if (amountMinor < 0n) {
    throw new MoneyError(field, 'is negative, a fixed-width amount field holds non-negative minor units');
  }
  const digits = amountMinor.toString();
  if (digits.length > width) {
    throw new MoneyError(field, `has ${digits.length} digits, the field holds at most ${width}`);
  }
  return digits.padStart(width, '0');
}
