import type { MerchantAccount } from './config/payouts-env';

/**
 * held: not ordered (see the reason); pending: in a file not yet delivered; sent: its file was
 * delivered; paid / paid_with_difference: a debit entry of a statement carries its EndToEndId,
 * with the same amount or another one.
 */
export const PAYOUT_STATUSES = ['held', 'pending', 'sent', 'paid', 'paid_with_difference'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** Why a payout is not in a file. */
export type HeldReason =
  /** The merchant's lines of the batch net to nothing or to what it owes (refunds above sales): nothing to pay. */
  | 'net_not_positive'
  /** SETTLEMENT_MERCHANT_ACCOUNTS has no account for the merchant. */
  | 'no_merchant_account'
  /** SETTLEMENT_PAYOUTS names no account to pay this currency from. */
  | 'no_debtor_account';

/** The platform's account a currency's payouts are paid from. */
export interface DebtorAccount {
  /** Its id in SETTLEMENT_BANK_ACCOUNTS. */
  readonly accountId: string;
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
}

/**
 * A batch's lines of one merchant and currency, summed by the database: debits minus credits, and
 * the fee the acquirer's schedule expects of each debit line (0 where no rate is configured).
 */
export interface MerchantBatchSum {
  readonly merchantId: string;
  readonly currency: string;
  readonly lineCount: number;
  readonly grossMinor: bigint;
  readonly feeMinor: bigint;
}

/** What a merchant is paid for a batch in one currency, before it gets its id and file. */
export interface PayoutDraft {
  readonly merchantId: string;
  readonly currency: string;
  readonly lineCount: number;
  /** Debits (owed to the merchant) minus credits (refunds, cancels, reversals). */
  readonly grossMinor: bigint;
  /** The acquirer's expected fees of the debit lines (0 without a configured rate). */
  readonly feeMinor: bigint;
  readonly netMinor: bigint;
  readonly heldReason: HeldReason | null;
  readonly creditor: MerchantAccount | null;
  readonly debtor: DebtorAccount | null;
}

export interface PayoutContext {
  readonly merchantAccountOf: (merchantId: string) => MerchantAccount | undefined;
  readonly debtorAccountOf: (currency: string) => DebtorAccount | undefined;
}

/**
 * The payouts of a closed batch, one per merchant and currency, ordered by both: net = gross -
 * fees (MerchantBatchSum). Held when the net is not positive or an account is missing.
 */
export function payoutDraftsOf(sums: readonly MerchantBatchSum[], context: PayoutContext): PayoutDraft[] {
  return [...sums]
    .sort((a, b) => (a.merchantId === b.merchantId ? a.currency.localeCompare(b.currency) : a.merchantId < b.merchantId ? -1 : 1))
    .map((sum) => {
      const netMinor = sum.grossMinor - sum.feeMinor;
      const creditor = context.merchantAccountOf(sum.merchantId) ?? null;
      const debtor = context.debtorAccountOf(sum.currency) ?? null;
      const heldReason: HeldReason | null = netMinor <= 0n ? 'net_not_positive' : !creditor ? 'no_merchant_account' : !debtor ? 'no_debtor_account' : null;
      return { ...sum, netMinor, heldReason, creditor, debtor };
    });
}
