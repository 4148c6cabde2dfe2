import type { HeldReason, PayoutDraft, PayoutStatus } from './merchant-payout';

/** A stored payout as the API shows it: `status` pending or sent as its file's delivery stands (`late` is computed on read). */
export interface MerchantPayout extends PayoutDraft {
  /** Also the EndToEndId of its credit transfer. */
  readonly id: string;
  readonly batchId: string;
  readonly payoutFileId: string | null;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly status: PayoutStatus;
  readonly requestedExecutionDate: string | null;
  readonly createdAt: Date;
  readonly paid: PayoutPayment | null;
}

/** The statement entry that paid a payout. */
export interface PayoutPayment {
  readonly amountMinor: bigint;
  readonly statementId: string;
  readonly entryPosition: number;
  readonly bookingDate: string;
  readonly matchedAt: Date;
}

/** The columns every payout read takes, the shown status computed from its file's delivery. */
export const PAYOUT_COLUMNS = `"p"."id", "p"."batch_id"::text AS "batch_id", "p"."payout_file_id"::text AS "payout_file_id", "p"."acquirer_id",
  "p"."business_day"::text AS "business_day", "p"."merchant_id", "p"."currency", "p"."line_count", "p"."gross_minor"::text AS "gross_minor",
  "p"."fee_minor"::text AS "fee_minor", "p"."net_minor"::text AS "net_minor",
  CASE WHEN "p"."status" <> 'ordered' THEN "p"."status" WHEN "f"."status" = 'delivered' THEN 'sent' ELSE 'pending' END AS "status",
  "p"."held_reason", "p"."creditor_name", "p"."creditor_iban", "p"."creditor_bic", "p"."debtor_account_id", "p"."debtor_name", "p"."debtor_iban",
  "p"."debtor_bic", "p"."requested_execution_date"::text AS "requested_execution_date", "p"."created_at", "p"."paid_minor"::text AS "paid_minor",
  "p"."paid_statement_id"::text AS "paid_statement_id", "p"."paid_entry_position", "p"."paid_booking_date"::text AS "paid_booking_date", "p"."matched_at"`;

export interface PayoutRow extends Record<string, unknown> {
  readonly id: string;
  readonly batch_id: string;
  readonly payout_file_id: string | null;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly merchant_id: string;
  readonly currency: string;
  readonly line_count: number;
  readonly gross_minor: string;
  readonly fee_minor: string;
  readonly net_minor: string;
  readonly status: PayoutStatus;
  readonly held_reason: HeldReason | null;
  readonly creditor_name: string | null;
  readonly creditor_iban: string | null;
  readonly creditor_bic: string | null;
  readonly debtor_account_id: string | null;
  readonly debtor_name: string | null;
  readonly debtor_iban: string | null;
  readonly debtor_bic: string | null;
  readonly requested_execution_date: string | null;
  readonly created_at: Date | string;
  readonly paid_minor: string | null;
  readonly paid_statement_id: string | null;
  readonly paid_entry_position: number | null;
  readonly paid_booking_date: string | null;
  readonly matched_at: Date | string | null;
}

const withBic = <T extends object>(party: T, bic: string | null): T & { bic?: string } => (bic === null ? party : { ...party, bic });

export function payoutOf(row: PayoutRow): MerchantPayout {
  return {
    id: row.id,
    batchId: row.batch_id,
    payoutFileId: row.payout_file_id,
    acquirerId: row.acquirer_id,
    businessDay: row.business_day,
    merchantId: row.merchant_id,
    currency: row.currency.trim(),
    lineCount: Number(row.line_count),
    grossMinor: BigInt(row.gross_minor),
    feeMinor: BigInt(row.fee_minor),
    netMinor: BigInt(row.net_minor),
    status: row.status,
    heldReason: row.held_reason,
    creditor: row.creditor_name === null || row.creditor_iban === null ? null : withBic({ name: row.creditor_name, iban: row.creditor_iban }, row.creditor_bic),
    debtor:
      row.debtor_account_id === null || row.debtor_name === null || row.debtor_iban === null
        ? null
        : withBic({ accountId: row.debtor_account_id, name: row.debtor_name, iban: row.debtor_iban }, row.debtor_bic),
    requestedExecutionDate: row.requested_execution_date,
    createdAt: new Date(row.created_at),
    paid:
      row.paid_minor === null || row.paid_statement_id === null || row.matched_at === null
        ? null
        : {
            amountMinor: BigInt(row.paid_minor),
            statementId: row.paid_statement_id,
            entryPosition: Number(row.paid_entry_position),
            bookingDate: row.paid_booking_date ?? '',
            matchedAt: new Date(row.matched_at),
          },
  };
}
