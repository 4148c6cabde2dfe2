import { STATEMENT_FORMATS, type StatementFormat } from '@payments/bank-statements';

import { CliUsageError } from './cli-usage.error';

/**
 * The options' forms, checked before any request so a typo never reaches the API. The API checks
 * them again (it is the authority); these follow its rules: acquirer ids as the close-day API
 * takes them, days that exist on the calendar, ids as UUIDs, limits 1-500.
 */
const ACQUIRER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const FILE_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const BREAK_STATUSES = ['open', 'resolved', 'replaced'] as const;

export function acquirerIdOf(option: string, value: string): string {
  if (!ACQUIRER_ID.test(value)) throw new CliUsageError(`${option} must be 1-64 letters, digits, dots, dashes or underscores`);
  return value;
}

/** YYYY-MM-DD naming a day that exists: 2024-02-29 does, 2026-02-30 does not. */
export function businessDayOf(option: string, value: string): string {
  const [year, month, day] = DAY.exec(value)?.slice(1).map(Number) ?? [0, 0, 0];
  // Day 0 of the next month is the last day of this one (years 1-99 read as 1901-1999: same leap years).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new CliUsageError(`${option} must be a calendar date YYYY-MM-DD that exists, not "${value}"`);
  }
  return value;
}

export function uuidOf(option: string, value: string): string {
  if (!UUID.test(value)) throw new CliUsageError(`${option} must be a UUID (as the API lists it), not "${value}"`);
  return value.toLowerCase();
}

export function limitOf(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= 500)) throw new CliUsageError(`--limit must be a whole number from 1 to 500, not "${value}"`);
  return limit;
}

export function currencyOf(value: string): string {
  if (!CURRENCY.test(value)) throw new CliUsageError(`--currency must be an ISO 4217 code such as EUR, not "${value}"`);
  return value;
}

export function fileStatusOf(value: string): string {
  if (!(FILE_STATUSES as readonly string[]).includes(value)) throw new CliUsageError(`--status must be one of ${FILE_STATUSES.join(', ')}, not "${value}"`);
  return value;
}

export function breakStatusOf(value: string): string {
  if (!(BREAK_STATUSES as readonly string[]).includes(value)) throw new CliUsageError(`--status must be one of ${BREAK_STATUSES.join(', ')}, not "${value}"`);
  return value;
}

/** The reason an operator gives for resolving a break: required, at most 500 characters (the API's rule). */
export function reasonOf(value: string): string {
  const reason = value.trim();
  if (reason === '' || reason.length > 500) throw new CliUsageError('--reason must say why the break needs no further action, in 1 to 500 characters');
  return reason;
}

export function statementFormatOf(value: string): StatementFormat {
  const format = STATEMENT_FORMATS.find((known) => known === value);
  if (format === undefined) throw new CliUsageError(`--format must be one of ${STATEMENT_FORMATS.join(', ')}, not "${value}"`);
  return format;
}
