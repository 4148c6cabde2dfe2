import type { Account, AccountRequest } from '@payments/ledger';

import { namedId } from '../accounts/named-id';
import type { E164 } from './phone-number';

/**
 * A payer's change account: one per phone number (E.164) and currency, its id derived from both
 * (so the number itself is stored nowhere). It owes the payer: credited when change is kept,
 * debited when it is spent or paid out, and its debits may never pass its credits (no credit
 * limit): it cannot go negative, whatever runs at once.
 */
export function changeAccountOf(phone: E164, currency: string): AccountRequest {
  return { id: namedId(`change:${phone}:${currency}`), currency, kind: 'change', debitsMustNotExceedCredits: true, creditLimit: 0n };
}

/** What the payer has on a change account: posted credits − posted and pending debits. */
export const changeBalanceOf = (account: Account): bigint => account.creditsPosted - account.debitsPosted - account.debitsPending;
