import type { BankStatement, StatementIssue } from '../model/bank-statement.model';

export interface ExpectedAccount {
  /** IBAN or the bank's account id; spaces and letter case are ignored. */
  readonly account: string;
  readonly currency: string;
}

const normalized = (account: string): string => account.replace(/\s+/g, '').toUpperCase();

/** A statement for another account, or in another currency, than the one being reconciled. Pure. */
export function checkExpectedAccount(statement: Pick<BankStatement, 'id' | 'account' | 'currency'>, expected: ExpectedAccount): StatementIssue[] {
  const issues: StatementIssue[] = [];
  if (normalized(statement.account) !== normalized(expected.account)) {
    issues.push({
      code: 'unexpected-account',
      severity: 'error',
      message: `statement ${statement.id} is for account ${statement.account}, expected ${expected.account}`,
    });
  }
  if (statement.currency !== expected.currency) {
    issues.push({
      code: 'unexpected-currency',
      severity: 'error',
      message: `statement ${statement.id} is in ${statement.currency}, expected ${expected.currency}`,
    });
  }
  return issues;
}
