import { createHmac } from 'node:crypto';

import { decodeKeyMaterial } from '@payments/crypto';
import type { Account, AccountRequest } from '@payments/ledger';

import { uuidOfDigest } from '../accounts/named-id';
import type { E164 } from './phone-number';

/** The public development key of the change account ids: the service refuses it when NODE_ENV=production. */
export const DEV_CHANGE_ID_KEY = '6368616e67652d69642d6465762d6b65792d6e6f742d666f722d70726f642d31';

/**
 * A payer's change account: one per phone number (E.164) and currency, its id an HMAC-SHA-256 of
 * both under a secret key (shaped as a UUID), so neither the id in the ledger nor in an event leads
 * back to the number without the key (an unkeyed hash would: the number space is small). It owes
 * the payer: credited when change is kept, debited when it is spent or paid out, and its debits may
 * never pass its credits (no credit limit): it cannot go negative, whatever runs at once.
 */
export class ChangeAccounts {
  constructor(private readonly idKey: Buffer) {}

  of(phone: E164, currency: string): AccountRequest {
    const id = uuidOfDigest(createHmac('sha256', this.idKey).update(`change:${phone}:${currency}`).digest());
    return { id, currency, kind: 'change', debitsMustNotExceedCredits: true, creditLimit: 0n };
  }
}

/**
 * The ids' key from configuration: `AGENTS_BILLING_CHANGE_ID_KEY` (64 hex digits; changing it
 * orphans every change account). Unset: the public development key, refused in production.
 */
export function changeAccountsOf(env: NodeJS.ProcessEnv): ChangeAccounts {
  const key = env.AGENTS_BILLING_CHANGE_ID_KEY ?? DEV_CHANGE_ID_KEY;
  if (env.NODE_ENV === 'production' && key === DEV_CHANGE_ID_KEY) {
    throw new Error('AGENTS_BILLING_CHANGE_ID_KEY: the public development key is not allowed when NODE_ENV=production');
  }
  return new ChangeAccounts(decodeKeyMaterial(key, 'AGENTS_BILLING_CHANGE_ID_KEY', 32));
}

/** What the payer has on a change account: posted credits − posted and pending debits. */
export const changeBalanceOf = (account: Account): bigint => account.creditsPosted - account.debitsPosted - account.debitsPending;
