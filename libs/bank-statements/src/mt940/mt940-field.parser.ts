import { parseStatementAmount } from '../amount/statement-amount.parser';
import type { StatementBalance, StatementEntry, StatementSequence } from '../model/bank-statement.model';
import { StatementFormatError } from '../model/statement-format.error';
import type { Mt940Field } from './mt940-tag.reader';

/** Two-digit years: 80-99 are 19xx, 00-79 are 20xx (MT940 writes YYMMDD). */
const CENTURY_PIVOT = 80;

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d+,\d*)$/;
const STATEMENT_NUMBER = /^(\d{1,5})(?:\/(\d{1,5}))?$/;
// :61: value date, [entry date MMDD], mark C/D/RC/RD, [funds code], amount 15d, type N/F/S + 3,
// reference for the account owner, [//bank reference], [newline supplementary details].
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n[\s\S]*)?$/;
const NO_REFERENCE = 'NONREF';

export function mt940Error(field: Mt940Field, reason: string): StatementFormatError {
  return new StatementFormatError('mt940', `line ${field.line} :${field.tag}:`, reason);
}

/** :60F: / :62F: / :64: / :65: `C201124CHF1234,50` -> signed minor units (debit balances negative). */
export function parseMt940Balance(field: Mt940Field): StatementBalance {
  const match = BALANCE.exec(field.value);
  if (!match) throw mt940Error(field, `"${field.value}" is not a balance (C|D, YYMMDD, currency, amount with a comma)`);
  const [, mark = '', date = '', currency = '', amount = ''] = match;
  const amountMinor = parseStatementAmount(amount, currency, { format: 'mt940', location: `line ${field.line} :${field.tag}:` });
  return { amountMinor: mark === 'D' ? -amountMinor : amountMinor, currency, date: isoDate(date, field) };
}

/** :28C: `5/1` (statement 5, page 1) or `00084/001`; :28: the same without the C. */
export function parseMt940Sequence(field: Mt940Field): StatementSequence {
  const match = STATEMENT_NUMBER.exec(field.value);
  if (!match) throw mt940Error(field, `"${field.value}" is not a statement number (digits, optionally /page)`);
  return { number: Number(match[1]), page: match[2] === undefined ? null : Number(match[2]) };
}

/** :61: with the :86: that follows it (if any) -> one entry in the statement's currency. */
export function parseMt940Entry(field: Mt940Field, currency: string, information: Mt940Field | undefined): StatementEntry {
  const match = STATEMENT_LINE.exec(field.value);
  if (!match) throw mt940Error(field, 'is not a statement line (YYMMDD[MMDD] C|D|RC|RD amount type reference)');
  const [, valueDate = '', entryDate, mark = '', , amount = '', , ownerReference = '', bankReference] = match;
  const value = isoDate(valueDate, field);
  const reference = [ownerReference.trim(), bankReference?.trim()].find((ref) => ref && ref !== NO_REFERENCE) ?? null;
  return {
    amountMinor: parseStatementAmount(amount, currency, { format: 'mt940', location: `line ${field.line} :61:` }),
    currency,
    // RC reverses a credit (so it is a debit), RD reverses a debit.
    direction: mark === 'C' || mark === 'RD' ? 'credit' : 'debit',
    status: 'booked',
    reversal: mark.startsWith('R'),
    bookingDate: entryDate === undefined ? value : bookingDateNear(value, entryDate, field),
    valueDate: value,
    reference,
    remittanceInfo: information?.value.trim() || null,
  };
}

function isoDate(yymmdd: string, field: Mt940Field): string {
  const yy = Number(yymmdd.slice(0, 2));
  return monthDay(`${yy >= CENTURY_PIVOT ? 1900 + yy : 2000 + yy}`, yymmdd.slice(2), field);
}

/** The entry date has no year: the one that puts it nearest the value date (December/January). */
function bookingDateNear(valueDate: string, mmdd: string, field: Mt940Field): string {
  const year = Number(valueDate.slice(0, 4));
  const shift = Number(mmdd.slice(0, 2)) - Number(valueDate.slice(5, 7));
  return monthDay(String(shift > 6 ? year - 1 : shift < -6 ? year + 1 : year), mmdd, field);
}

function monthDay(year: string, mmdd: string, field: Mt940Field): string {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  if (month < 1 || month > 12 || day < 1 || day > 31) throw mt940Error(field, `"${mmdd}" is not a month and day MMDD`);
  return `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`;
}
