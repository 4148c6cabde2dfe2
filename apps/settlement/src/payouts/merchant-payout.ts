import type { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
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

/** A batch's lines of one merchant, currency, scheme, direction and amount: the fee is per line, so lines of one amount share it. */
export interface BatchLineGroup {
  readonly merchantId: string;
  readonly currency: string;
  readonly scheme: string | null;
  readonly direction: 'debit' | 'credit';
  readonly amountMinor: bigint;
  readonly lineCount: number;
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
  readonly acquirerId: string;
  readonly fees: AcquirerFeeSchedule;
  readonly merchantAccountOf: (merchantId: string) => MerchantAccount | undefined;
  readonly debtorAccountOf: (currency: string) => DebtorAccount | undefined;
}

/**
 * The payouts of a closed batch, one per merchant and currency, ordered by both: gross = the
 * signed sum of the merchant's lines; fees = the fee the reconciliation's schedule expects of each
 * debit line (its rate, rounded half up per line, plus the fixed part), 0 where no rate is
 * configured; net = gross - fees. Held when the net is not positive or an account is missing.
 */
export function payoutDraftsOf(groups: readonly BatchLineGroup[], context: PayoutContext): PayoutDraft[] {
  const sums = new Map<string, { merchantId: string; currency: string; lineCount: number; grossMinor: bigint; feeMinor: bigint }>();
  for (const group of groups) {
    const key = `${group.merchantId}\u0000${group.currency}`;
    const sum = sums.get(key) ?? { merchantId: group.merchantId, currency: group.currency, lineCount: 0, grossMinor: 0n, feeMinor: 0n };
    const count = BigInt(group.lineCount);
    sum.lineCount += group.lineCount;
    if (group.direction === 'debit') {
      sum.grossMinor += group.amountMinor * count;
      sum.feeMinor += (context.fees.expectedFee(context.acquirerId, group.scheme, group.amountMinor) ?? 0n) * count;
    } else {
      sum.grossMinor -= group.amountMinor * count;
    }
    sums.set(key, sum);
  }
  return [...sums.values()]
    .sort((a, b) => (a.merchantId === b.merchantId ? a.currency.localeCompare(b.currency) : a.merchantId < b.merchantId ? -1 : 1))
    .map((sum) => {
      const netMinor = sum.grossMinor - sum.feeMinor;
      const creditor = context.merchantAccountOf(sum.merchantId) ?? null;
      const debtor = context.debtorAccountOf(sum.currency) ?? null;
      const heldReason: HeldReason | null = netMinor <= 0n ? 'net_not_positive' : !creditor ? 'no_merchant_account' : !debtor ? 'no_debtor_account' : null;
      return { ...sum, netMinor, heldReason, creditor, debtor };
    });
}
