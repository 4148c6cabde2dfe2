import { type BankStatement, checkExpectedAccount, checkStatementSequence, type StatementFormat } from '@payments/bank-statements';

import type { ConfiguredBankAccount } from './bank-account.config';
import type { ReadStatement } from './statement-file.reader';

/** A statement whose account is configured for the file's format: what gets stored. */
export interface IncomingStatement {
  readonly statement: BankStatement;
  readonly bankAccount: ConfiguredBankAccount;
}

export type StatementChecks =
  | { readonly kind: 'accepted'; readonly statements: readonly IncomingStatement[] }
  /** Each reason names the statement and what is wrong: nothing of the file may be stored. */
  | { readonly kind: 'refused'; readonly reasons: readonly string[] };

/**
 * The checks a file passes on its own, before the stored series is consulted: each statement's
 * account configured for this format and in its currency, no error of the library's checks
 * (unbalanced under the account's profile, a total of its own it contradicts, amounts in another
 * currency), and no statement twice within the file. One failing statement refuses the whole file.
 */
export function checkStatements(read: readonly ReadStatement[], format: StatementFormat): StatementChecks {
  const reasons: string[] = [];
  const statements: IncomingStatement[] = [];
  for (const { statement, lookup } of read) {
    const about = `statement ${statement.id}`;
    switch (lookup.kind) {
      case 'unknown':
        reasons.push(`${about}: account ${statement.account} is not a configured bank account (SETTLEMENT_BANK_ACCOUNTS)`);
        continue;
      case 'other_format':
        reasons.push(`${about}: account ${statement.account} is configured for ${lookup.formats.join(', ')}, not ${format}`);
        continue;
      case 'configured':
        break;
    }
    const { bankAccount } = lookup;
    const errors = [...checkExpectedAccount(statement, bankAccount), ...statement.issues].filter((issue) => issue.severity === 'error');
    reasons.push(...errors.map((issue) => `${about} (${bankAccount.id}): ${issue.code}: ${issue.message.replace(`statement ${statement.id} `, '')}`));
    statements.push({ statement, bankAccount });
  }
  reasons.push(
    ...checkStatementSequence(read.map((r) => r.statement))
      .filter((issue) => issue.code === 'duplicate-statement')
      .map((issue) => `the file repeats a statement: ${issue.message}`),
  );
  return reasons.length > 0 ? { kind: 'refused', reasons } : { kind: 'accepted', statements };
}

/**
 * The series check against what is stored: an account's new statements must continue from its
 * last imported sequence number without a gap (the missing numbers named), and none may come
 * before it. An account with nothing stored starts anywhere. Statements without a number are not
 * in a series. Pure: `lastSequence` is each bank account's highest stored number.
 */
export function sequenceFindings(statements: readonly IncomingStatement[], lastSequence: ReadonlyMap<string, number>): string[] {
  const findings: string[] = [];
  const accounts = [...new Set(statements.map((s) => s.bankAccount.id))];
  for (const bankAccountId of accounts) {
    const series = statements.filter((s) => s.bankAccount.id === bankAccountId && s.statement.sequence).map((s) => s.statement);
    const last = lastSequence.get(bankAccountId);
    const earlier = series.filter((s) => last !== undefined && (s.sequence?.number ?? 0) < last);
    findings.push(
      ...earlier.map((s) => `account ${bankAccountId}: statement ${s.id} (number ${s.sequence?.number}) comes before the last imported number ${last}`),
    );
    const anchor = last === undefined ? [] : [{ id: 'last imported', account: bankAccountId, sequence: { number: last, page: null } }];
    const later = series.filter((s) => !earlier.includes(s)).map((s) => ({ id: s.id, account: bankAccountId, sequence: s.sequence }));
    findings.push(
      ...checkStatementSequence([...anchor, ...later])
        .filter((issue) => issue.code === 'sequence-gap')
        .map((issue) => issue.message),
    );
  }
  return findings;
}
