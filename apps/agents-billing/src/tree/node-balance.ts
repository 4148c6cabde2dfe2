import type { Account } from '@payments/ledger';

/** What a node may still spend: credits − debits (posted and pending) + credit limit. */
export function availableOf(account: Account): bigint {
  const available = account.creditsPosted - account.debitsPosted - account.debitsPending + account.creditLimit;
  return available > 0n ? available : 0n;
}
