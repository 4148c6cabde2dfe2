import { formatStatementAmount } from '../amount/statement-amount.parser';
import type { RenderedEntry, RenderedStatement } from './rendered-statement.model';

const yymmdd = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
/** SWIFT 15d: the comma is always there, also for a currency without decimals (`1500,` JPY). */
const amount = (minor: bigint, currency: string): string => {
  const text = formatStatementAmount(minor < 0n ? -minor : minor, currency);
  return text.includes('.') ? text.replace('.', ',') : `${text},`;
};

/** MT940 statements one after another, each ended by `-`, for round-trip tests. */
export function renderMt940(statements: readonly RenderedStatement[]): string {
  return statements.map(renderStatement).join('\n');
}

function renderStatement(statement: RenderedStatement): string {
  const { currency } = statement;
  const balance = (tag: string, { amountMinor, date }: RenderedStatement['opening']): string =>
    `:${tag}:${amountMinor < 0n ? 'D' : 'C'}${yymmdd(date)}${currency}${amount(amountMinor, currency)}`;
  return [
    `:20:${statement.id}`,
    `:25:${statement.account}`,
    `:28C:${statement.sequenceNumber}`,
    balance('60F', statement.opening),
    ...statement.entries.flatMap((entry) => renderEntry(entry, currency)),
    balance('62F', statement.closing),
    '-',
  ].join('\r\n');
}

function renderEntry(entry: RenderedEntry, currency: string): string[] {
  const mark = entry.direction === 'credit' ? 'C' : 'D';
  const line = `:61:${yymmdd(entry.valueDate)}${entry.bookingDate.slice(5, 7)}${entry.bookingDate.slice(8, 10)}${mark}${amount(entry.amountMinor, currency)}NTRF${entry.reference ?? 'NONREF'}`;
  return entry.remittanceInfo === null ? [line] : [line, `:86:${entry.remittanceInfo.replace(/\n/g, '\r\n')}`];
}
