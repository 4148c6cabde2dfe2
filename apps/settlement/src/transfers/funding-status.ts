/** What the acquirer owes a merchant for a business day, and whether its transfers paid it. */
export type MerchantFundingStatus = 'paid' | 'short' | 'late' | 'pending';
export const MERCHANT_FUNDING_STATUSES: readonly MerchantFundingStatus[] = ['paid', 'short', 'late', 'pending'];

/** Whether the bank statements show a transfer's credit. */
export type TransferReceiptStatus = 'received' | 'received_with_difference' | 'not_received' | 'awaited';

/** One merchant's lines of one acquirer, business day and currency, as the transfers paid them. */
export interface MerchantFundingFigures {
  readonly lineCount: number;
  /** Lines no transfer paid (yet). */
  readonly unpaidLineCount: number;
  /** Lines a transfer paid with less gross than our amount. */
  readonly shortLineCount: number;
  /** What the transfers paid for the paid lines: their gross minus the fees withheld (signed). */
  readonly paidNetMinor: bigint;
  /** What they should have paid for those lines: our amounts minus the expected fees (signed). */
  readonly expectedPaidNetMinor: bigint;
}

/** YYYY-MM-DD plus whole days. */
export function plusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The UTC calendar day of a moment, as the due dates are compared with. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * A merchant's funding for a day: late when a line is still unpaid after the due date (the
 * business day plus the acquirer's due days: late from the day after it); otherwise short when a
 * line was paid short or the paid lines came net below what was expected (a fee above the
 * acquirer's rate); otherwise pending while a line is unpaid, and paid once every line was paid in full.
 */
export function merchantFundingStatusOf(figures: MerchantFundingFigures, dueDate: string, now: Date): MerchantFundingStatus {
  if (figures.unpaidLineCount > 0 && dayOf(now) > dueDate) return 'late';
  if (figures.shortLineCount > 0 || figures.paidNetMinor < figures.expectedPaidNetMinor) return 'short';
  return figures.unpaidLineCount > 0 ? 'pending' : 'paid';
}

/** The credits on the bank statements whose reference is the transfer's. */
export interface TransferCredits {
  readonly count: number;
  /** Their sum in the transfer's currency. */
  readonly amountMinor: bigint;
  /** Some are in another currency. */
  readonly otherCurrency: boolean;
}

/**
 * A transfer is received when the statements credit exactly its amount under its reference,
 * received with a difference when they credit something else, and not received when nothing is
 * credited by the second day after its value date (awaited until then).
 */
export function transferReceiptOf(
  transfer: { readonly amountMinor: bigint; readonly valueDate: string },
  credits: TransferCredits,
  now: Date,
): TransferReceiptStatus {
  if (credits.count > 0) return credits.amountMinor === transfer.amountMinor && !credits.otherCurrency ? 'received' : 'received_with_difference';
  return dayOf(now) > plusDays(transfer.valueDate, 1) ? 'not_received' : 'awaited';
}
