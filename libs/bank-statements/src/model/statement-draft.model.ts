import type { BankStatement, StatementIssue } from './bank-statement.model';

/** What a parser reads, before the checks add `balanced` and their issues. */
export type StatementDraft = Omit<BankStatement, 'balanced' | 'issues'> & {
  /** Findings of the parser itself (e.g. a withdrawn currency). */
  readonly issues: readonly StatementIssue[];
};
