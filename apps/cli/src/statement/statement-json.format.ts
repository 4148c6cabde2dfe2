import type { BankStatement, StatementBalance } from '@payments/bank-statements';

import { CliInputError } from '../runner/cli-input.error';

/**
 * The statements as the one JSON line: amounts as JSON numbers of minor units (balances
 * signed, credit positive; entries positive with their direction). A bigint beyond 2^53 would
 * lose cents as a JSON number, so it is refused rather than rounded.
 */
export function formatStatementsJson(statements: readonly BankStatement[]): string {
  return JSON.stringify({
    statements: statements.map((statement) => ({
      id: statement.id,
      account: statement.account,
      currency: statement.currency,
      opening: balanceJson(statement.opening),
      closing: balanceJson(statement.closing),
      entries: statement.entries.map((entry) => ({
        amountMinor: minorUnits(entry.amountMinor),
        direction: entry.direction,
        bookingDate: entry.bookingDate,
        valueDate: entry.valueDate,
        reference: entry.reference,
      })),
      balanced: statement.balanced,
    })),
  });
}

function balanceJson(balance: StatementBalance | null): { amountMinor: number; date: string } | null {
  return balance === null ? null : { amountMinor: minorUnits(balance.amountMinor), date: balance.date };
}

function minorUnits(amountMinor: bigint): number {
  const value = Number(amountMinor);
  if (!Number.isSafeInteger(value)) throw new CliInputError(`amount ${amountMinor} minor units is too large for a JSON number`);
  return value;
}
