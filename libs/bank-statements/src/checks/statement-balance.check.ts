import { formatStatementAmount } from '../amount/statement-amount.parser';
import type { BankStatement, StatementBalance, StatementEntry, StatementIssue } from '../model/bank-statement.model';
import type { StatementDraft } from '../model/statement-draft.model';
import { BANK_PROFILES, type BankProfile } from './bank-profile.table';
import { declaredSummaryIssues } from './declared-summary.check';

const signed = (entry: StatementEntry): bigint => (entry.direction === 'credit' ? entry.amountMinor : -entry.amountMinor);
const entriesCount = (entries: readonly StatementEntry[]): string => `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
const total = (entries: readonly StatementEntry[]): bigint => entries.reduce((sum, entry) => sum + signed(entry), 0n);

/**
 * Runs the checks that need only the statement itself and sets `balanced`: every balance and entry
 * in the statement's currency, its declared totals (TxsSummry) matching its entries, and
 * opening + booked entries = closing under `profile`. Pending and
 * informational entries are left out of the sum (a warning says so).
 */
export function checkStatement(draft: StatementDraft, profile: BankProfile): BankStatement {
  const issues: StatementIssue[] = [...draft.issues, ...currencyIssues(draft), ...notBookedIssues(draft), ...declaredSummaryIssues(draft)];
  const { opening, closing } = draft;
  if (opening === null || closing === null) return { ...draft, balanced: null, issues };
  const consistent = !issues.some((issue) => issue.code === 'currency-mismatch');
  const balance = consistent ? checkBalance(draft, opening, closing, profile) : { balanced: false, issues: [] };
  return { ...draft, balanced: balance.balanced, issues: [...issues, ...balance.issues] };
}

function checkBalance(
  draft: StatementDraft,
  opening: StatementBalance,
  closing: StatementBalance,
  profile: BankProfile,
): { balanced: boolean; issues: StatementIssue[] } {
  const amount = (minor: bigint): string => `${formatStatementAmount(minor, draft.currency)} ${draft.currency}`;
  const booked = draft.entries.filter((entry) => entry.status === 'booked');
  const valueDated = booked.filter((entry) => entry.valueDate !== null && entry.valueDate > closing.date);
  const excluded = profile.valueDatedInForwardAvailable ? valueDated : [];
  const expected = opening.amountMinor + total(booked) - total(excluded);
  const issues: StatementIssue[] = [];
  let balanced = expected === closing.amountMinor;
  if (!balanced) {
    const explained = !profile.valueDatedInForwardAvailable && valueDated.length > 0 && expected - closing.amountMinor === total(valueDated);
    const hint = explained
      ? `; the difference is the ${entriesCount(valueDated)} value-dated after ${closing.date} (${amount(total(valueDated))}): ` +
        `if this bank keeps them out of the booked balance, ask for the bank profile ${BANK_PROFILES['postfinance-value-dated'].name}`
      : '';
    issues.push(
      unbalanced(
        `opening ${amount(opening.amountMinor)} + entries ${amount(expected - opening.amountMinor)} = ${amount(expected)}, but the closing balance is ${amount(closing.amountMinor)} (difference ${amount(expected - closing.amountMinor)})${hint}`,
      ),
    );
  }
  if (excluded.length > 0) {
    const forward = draft.forwardAvailable;
    const reaches = opening.amountMinor + total(booked);
    if (forward === null || forward.amountMinor !== reaches) {
      balanced = false;
      issues.push(
        unbalanced(`opening + all entries = ${amount(reaches)}, but the forward-available balance is ${forward ? amount(forward.amountMinor) : 'missing'}`),
      );
    }
    issues.push({
      code: 'value-dated-entries',
      severity: 'warning',
      message: `outside the closing balance (profile ${profile.name}): ${entriesCount(excluded)} value-dated after ${closing.date} (${amount(total(excluded))})`,
    });
  }
  return { balanced, issues };
}

function unbalanced(message: string): StatementIssue {
  return { code: 'unbalanced', severity: 'error', message };
}

function currencyIssues(draft: StatementDraft): StatementIssue[] {
  const balances: [string, StatementBalance | null][] = [
    ['opening balance', draft.opening],
    ['closing balance', draft.closing],
    ['forward-available balance', draft.forwardAvailable],
  ];
  const wrong = balances
    .filter(([, balance]) => balance !== null && balance.currency !== draft.currency)
    .map(([name, balance]) => `the ${name} is in ${balance?.currency}`);
  const foreign = draft.entries.filter((entry) => entry.currency !== draft.currency);
  if (foreign.length > 0) wrong.push(`${entriesCount(foreign)} in ${[...new Set(foreign.map((entry) => entry.currency))].join(', ')}`);
  return wrong.map((what) => ({ code: 'currency-mismatch', severity: 'error', message: `${what}, the statement in ${draft.currency}` }));
}

function notBookedIssues(draft: StatementDraft): StatementIssue[] {
  const notBooked = draft.entries.filter((entry) => entry.status !== 'booked');
  return notBooked.length === 0
    ? []
    : [{ code: 'entries-not-booked', severity: 'warning', message: `${entriesCount(notBooked)} pending or informational, left out of the balance` }];
}
