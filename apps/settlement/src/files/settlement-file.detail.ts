import { findCurrencyByAlpha } from '@payments/money';

/** A batch's line as the file query reads it (amount as decimal text: bigint without loss). */
export interface BatchLineRow extends Record<string, unknown> {
  readonly transaction_id: string;
  readonly event: string;
  readonly merchant_id: string;
  readonly terminal_id: string;
  readonly scheme: string | null;
  readonly operation: string;
  readonly direction: string;
  readonly amount_minor: string;
  readonly currency: string;
  readonly occurred_at: Date | string;
  readonly rrn: string | null;
  readonly masked_pan: string | null;
  readonly approval_code: string | null;
}

/** The values a detail record of the acquirer layouts takes, under each field's key. */
export interface FileDetail {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly transactionTime: Date;
  readonly maskedPan: string;
  /** Signed minor units: a debit (owed to the merchant) positive, a credit negative. */
  readonly amountMinor: bigint;
  /** ISO 4217 numeric code. */
  readonly currency: string;
  readonly operationType: string;
  readonly approvalCode: string;
  readonly rrn: string;
  readonly stan: string;
  readonly scheme: string;
}

/**
 * What a line does not carry, written as the layouts' "not given" values (zeros and blanks, never
 * a made-up card number): no event has the STAN, and lines recorded before the masked PAN, RRN and
 * approval code were kept (or from events without them) have none.
 */
export const NOT_CARRIED = { maskedPan: '000000****0000', approvalCode: '', rrn: '000000000000', stan: '000000' } as const;

/** Operation codes of at most 10 letters (the fixed-width layout's width); a reversal is its own code. */
const OPERATION_CODES: Readonly<Record<string, string>> = {
  purchase: 'PURCHASE',
  cash_withdrawal: 'CASH',
  top_up: 'TOPUP',
  cancel: 'CANCEL',
  emergency_cancel: 'EMCANCEL',
  refund: 'REFUND',
  completion: 'COMPLETION',
};

/** One settlement line as a detail record: the sign from its direction, the currency as its numeric code. */
export function fileDetailOf(row: BatchLineRow): FileDetail {
  const currency = findCurrencyByAlpha(row.currency.trim());
  if (!currency) throw new Error(`settlement line ${row.transaction_id}/${row.event}: unknown currency ${row.currency}`);
  const operationType = row.event === 'reversed' ? 'REVERSAL' : OPERATION_CODES[row.operation];
  if (!operationType) throw new Error(`settlement line ${row.transaction_id}/${row.event}: no file code for operation ${row.operation}`);
  const amount = BigInt(row.amount_minor);
  return {
    terminalId: row.terminal_id,
    merchantId: row.merchant_id,
    transactionTime: new Date(row.occurred_at),
    amountMinor: row.direction === 'credit' ? -amount : amount,
    currency: currency.numeric,
    operationType,
    scheme: row.scheme ?? 'unknown',
    maskedPan: row.masked_pan ?? NOT_CARRIED.maskedPan,
    approvalCode: row.approval_code ?? NOT_CARRIED.approvalCode,
    rrn: row.rrn ?? NOT_CARRIED.rrn,
    stan: NOT_CARRIED.stan,
  };
}
