import { StatementFormatError } from '../model/statement-format.error';
import { findStatementCurrency } from './statement-currency.lookup';

/** Where a value was read, for the error message: the format and an element path or an MT940 line. */
export interface SourceLocation {
  readonly format: string;
  readonly location: string;
}

/**
 * A non-negative decimal amount as the bank writes it (`1234.50` in camt, `1234,5` or `1234,` in
 * MT940) -> minor units of `currency`. The string is split at the separator and never goes
 * through a float; more decimals than the currency's exponent are refused, never rounded.
 */
export function parseStatementAmount(text: string, currency: string, where: SourceLocation): bigint {
  const fail = (reason: string): never => {
    throw new StatementFormatError(where.format, where.location, reason);
  };
  const found = findStatementCurrency(currency) ?? fail(`unknown currency "${currency}" (not in ISO 4217)`);
  const match = /^([0-9]+)(?:[.,]([0-9]*))?$/.exec(text);
  if (!match) return fail(`"${text}" is not an amount (digits with at most one decimal separator)`);
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > found.minorUnits) {
    return fail(`"${text}" has ${fraction.length} decimals, ${currency} has ${found.minorUnits}`);
  }
  return BigInt(whole + fraction.padEnd(found.minorUnits, '0'));
}

/** Minor units back to a decimal string for messages: `-153700n` CHF -> `-1537.00`. */
export function formatStatementAmount(amountMinor: bigint, currency: string): string {
  const minorUnits = findStatementCurrency(currency)?.minorUnits ?? 2;
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(minorUnits + 1, '0');
  const text = minorUnits === 0 ? digits : `${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
  return `${negative ? '-' : ''}${text}`;
}
