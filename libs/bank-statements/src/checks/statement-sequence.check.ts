import type { BankStatement, StatementIssue } from '../model/bank-statement.model';

export type SequencedStatement = Pick<BankStatement, 'id' | 'account' | 'sequence'>;

/** How many missing numbers a gap message lists before it abbreviates. */
const LISTED_MISSING = 10;

/**
 * The series check over an account's statements (those already imported and the new ones):
 * the same statement twice (same sequence number and page, or same id where there is no number)
 * is a `duplicate-statement` error; a jump in the numbers is a `sequence-gap` error naming the
 * missing numbers. Statements of several accounts are checked per account. Pure: no I/O.
 */
export function checkStatementSequence(statements: readonly SequencedStatement[]): StatementIssue[] {
  const byAccount = new Map<string, SequencedStatement[]>();
  for (const statement of statements) {
    byAccount.set(statement.account, [...(byAccount.get(statement.account) ?? []), statement]);
  }
  return [...byAccount.entries()].flatMap(([account, series]) => [...duplicates(account, series), ...gaps(account, series)]);
}

function duplicates(account: string, series: SequencedStatement[]): StatementIssue[] {
  const seen = new Map<string, SequencedStatement>();
  const issues: StatementIssue[] = [];
  for (const statement of series) {
    const key = statement.sequence ? `${statement.sequence.number}/${statement.sequence.page ?? 1}` : `id ${statement.id}`;
    const first = seen.get(key);
    if (first) {
      const what = statement.sequence ? `sequence number ${key}` : key;
      issues.push({
        code: 'duplicate-statement',
        severity: 'error',
        message: `account ${account}: statement ${statement.id} repeats ${what} of statement ${first.id}`,
      });
    } else {
      seen.set(key, statement);
    }
  }
  return issues;
}

function gaps(account: string, series: SequencedStatement[]): StatementIssue[] {
  const numbers = [...new Set(series.flatMap((statement) => (statement.sequence ? [statement.sequence.number] : [])))].sort((a, b) => a - b);
  const issues: StatementIssue[] = [];
  for (let i = 1; i < numbers.length; i += 1) {
    const [before = 0, after = 0] = [numbers[i - 1], numbers[i]];
    if (after - before <= 1) continue;
    const missing = Array.from({ length: Math.min(after - before - 1, LISTED_MISSING) }, (_, k) => before + 1 + k);
    const more = after - before - 1 > LISTED_MISSING ? ` and ${after - before - 1 - LISTED_MISSING} more` : '';
    issues.push({
      code: 'sequence-gap',
      severity: 'error',
      message: `account ${account}: ${missing.length === 1 ? `statement ${missing[0]} is` : `statements ${missing.join(', ')}${more} are`} missing between ${before} and ${after}`,
    });
  }
  return issues;
}
