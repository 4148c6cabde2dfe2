import { formatStatementAmount } from '../amount/statement-amount.parser';
import type { DeclaredSummary, StatementEntry, StatementIssue } from '../model/bank-statement.model';
import type { StatementDraft } from '../model/statement-draft.model';

type Rule = readonly [field: keyof DeclaredSummary, what: string, actual: (entries: readonly StatementEntry[]) => number | bigint];

const credits = (entries: readonly StatementEntry[]) => entries.filter((entry) => entry.direction === 'credit');
const debits = (entries: readonly StatementEntry[]) => entries.filter((entry) => entry.direction === 'debit');
const sum = (entries: readonly StatementEntry[]) => entries.reduce((total, entry) => total + entry.amountMinor, 0n);

/** Each total a camt TxsSummry may declare, and how the entries give it (all entries, whatever their status). */
const RULES: readonly Rule[] = [
  ['entryCount', 'number of entries', (entries) => entries.length],
  ['grossMinor', 'sum of entries', sum],
  ['netMinor', 'net of entries', (entries) => sum(credits(entries)) - sum(debits(entries))],
  ['creditCount', 'number of credits', (entries) => credits(entries).length],
  ['creditMinor', 'sum of credits', (entries) => sum(credits(entries))],
  ['debitCount', 'number of debits', (entries) => debits(entries).length],
  ['debitMinor', 'sum of debits', (entries) => sum(debits(entries))],
];

/**
 * The statement's own totals against its entries: a file whose summary disagrees with what it
 * carries is suspect as a whole (an entry lost or added on the way), a `summary-mismatch` error.
 */
export function declaredSummaryIssues(draft: StatementDraft): StatementIssue[] {
  const declared = draft.declaredSummary;
  if (declared === null) return [];
  const show = (value: number | bigint): string =>
    typeof value === 'bigint' ? `${formatStatementAmount(value, draft.currency)} ${draft.currency}` : String(value);
  return RULES.flatMap(([field, what, actual]): StatementIssue[] => {
    const expected = declared[field];
    const found = actual(draft.entries);
    return expected === undefined || expected === found
      ? []
      : [{ code: 'summary-mismatch', severity: 'error', message: `TxsSummry declares ${what} ${show(expected)}, the entries give ${show(found)}` }];
  });
}
