import { RE2JS } from 're2js';

import { ed25519PublicKeyOf } from '@payments/contracts';

import type { PayeeGatewaySettings } from '../gateways/payee-gateway';

import type { AccountChecksum } from './account-checksum';

export const PAYEE_STATUSES = ['active', 'suspended'] as const;
export type PayeeStatus = (typeof PAYEE_STATUSES)[number];

/** The most characters a payer's account may have: the pattern is matched against no longer input. */
export const MAX_ACCOUNT_LENGTH = 64;

/** What the payer pays the platform on top of the amount: basis points of the amount, rounded half up, plus a fixed part (minor units). */
export interface PayeeFee {
  readonly percentBasisPoints: bigint;
  readonly fixed: bigint;
}

/** A payee as an operator defines it: who it is, how its payers' accounts look, what it takes and what it costs. */
export interface PayeeDefinition {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly status: PayeeStatus;
  /** A regular expression the whole account must match (anchored at both ends when checked). */
  readonly accountPattern: string;
  readonly accountChecksum: AccountChecksum;
  /** Per payment, minor units, inclusive; null: no such limit. */
  readonly minAmount: bigint | null;
  readonly maxAmount: bigint | null;
  readonly fee: PayeeFee;
  /** The payee's gateway; absent or null: checked locally and paid at once (posted without asking the payee). */
  readonly gateway?: PayeeGatewaySettings | null;
}

export interface Payee extends PayeeDefinition {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * The pattern as it is checked: the whole account must match, not a part of it. RE2 syntax, matched
 * in time linear in the account (re2js): an operator's pattern can never make a payment hang on
 * backtracking; backreferences and lookarounds are refused when the payee is defined.
 */
export const accountPatternOf = (pattern: string): { test(account: string): boolean } => {
  const compiled = RE2JS.compile(`^(?:${pattern})$`);
  return { test: (account) => compiled.matches(account) };
};

/** Why a definition cannot be kept, naming the field; undefined when it is sound. `production`: a gateway must be reached over https. */
export function payeeProblem(payee: PayeeDefinition, { production = false }: { production?: boolean } = {}): string | undefined {
  try {
    accountPatternOf(payee.accountPattern);
  } catch (error) {
    return `account.pattern: not a regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (payee.minAmount !== null && payee.maxAmount !== null && payee.minAmount > payee.maxAmount) {
    return `limits.max: ${payee.maxAmount} is below min ${payee.minAmount}`;
  }
  if (payee.gateway) {
    const url = new URL(payee.gateway.baseUrl);
    // The signatures authenticate both sides; a URL's user or password would only end up in logs and alerts.
    if (url.username || url.password) return 'gateway.baseUrl: must not carry a user or password (the messages are signed instead)';
    // The payer's account travels in the request: only ever encrypted in production.
    if (production && url.protocol !== 'https:') return 'gateway.baseUrl: must be an https URL when NODE_ENV=production';
    try {
      ed25519PublicKeyOf(payee.gateway.publicKey);
    } catch (error) {
      return `gateway.publicKey: not an Ed25519 public key in PEM (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return undefined;
}
