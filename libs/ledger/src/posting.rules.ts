import type { LedgerErrorCode } from './ledger.error';
import type { Account, Balances } from './ledger.types';

/** BIGINT's ceiling: no balance column may pass it. */
const MAX_BALANCE = 2n ** 63n - 1n;

export type Side = 'debit' | 'credit';

/** What a transfer does to one side's balances: reserve, release a reservation, post. */
export interface BalanceMove {
  readonly reserve?: bigint;
  readonly release?: bigint;
  readonly post?: bigint;
}

/** The balances of one side after a move (pure). */
export function moveBalances(balances: Balances, side: Side, move: BalanceMove): Balances {
  const pendingDelta = (move.reserve ?? 0n) - (move.release ?? 0n);
  const posted = move.post ?? 0n;
  return side === 'debit'
    ? { ...balances, debitsPending: balances.debitsPending + pendingDelta, debitsPosted: balances.debitsPosted + posted }
    : { ...balances, creditsPending: balances.creditsPending + pendingDelta, creditsPosted: balances.creditsPosted + posted };
}

type Limits = Pick<Account, 'debitsMustNotExceedCredits' | 'creditLimit' | 'creditsMustNotExceedDebits'>;

/** The limit these balances would pass, if any (the account's flags, issue 10 section 1). */
export function limitBreach(account: Limits, b: Balances): LedgerErrorCode | undefined {
  if (account.debitsMustNotExceedCredits && b.debitsPending + b.debitsPosted > b.creditsPosted + account.creditLimit) return 'exceeds_credits';
  if (account.creditsMustNotExceedDebits && b.creditsPending + b.creditsPosted > b.debitsPosted) return 'exceeds_debits';
  return undefined;
}

/** True when a balance or a sum the limit constraints make would overflow BIGINT. */
export function overflows(account: Limits, b: Balances): boolean {
  return (
    b.debitsPending + b.debitsPosted > MAX_BALANCE || b.creditsPending + b.creditsPosted > MAX_BALANCE || b.creditsPosted + account.creditLimit > MAX_BALANCE
  );
}
