import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import type { AcquirerRate } from '../reconciliation/acquirer-fee.schedule';
import { type MerchantBatchSum, type PayoutDraft, type PayoutStatus } from './merchant-payout';
import { type MerchantPayout, PAYOUT_COLUMNS, payoutOf, type PayoutRow } from './merchant-payout.record';
import { payoutFileNamesOf } from './payout-file';

/** Closed batches with lines and no payouts yet, oldest first. */
const READY_BATCHES = `SELECT "b"."id"::text AS "id", "b"."acquirer_id", "b"."business_day"::text AS "business_day" FROM "settlement_batch" AS "b"
  WHERE "b"."line_count" > 0 AND NOT EXISTS (SELECT 1 FROM "merchant_payout" AS "p" WHERE "p"."batch_id" = "b"."id")
  ORDER BY "b"."business_day", "b"."closed_at" LIMIT $1`;
/** A batch's lines summed by what decides a payout and its fee: merchant, currency, scheme, direction and amount. */
/**
 * A batch's lines summed per merchant and currency: gross = debits - credits, and the fee
 * AcquirerFeeSchedule.expectedFee gives each debit line (the scheme's own rate, else `*`; the rate
 * rounded half up per line, plus the fixed part; no rate: 0), one pass over the batch's lines.
 */
const MERCHANT_SUMS = `WITH "rate" AS (SELECT * FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS "r"("scheme", "basis_points", "fixed_minor"))
  SELECT "l"."merchant_id", "l"."currency", count(*)::int AS "line_count",
    sum(CASE WHEN "l"."direction" = 'debit' THEN "l"."amount_minor" ELSE -"l"."amount_minor" END)::text AS "gross_minor",
    coalesce(sum(CASE WHEN "l"."direction" = 'debit' THEN coalesce(
      ("l"."amount_minor" * "own"."basis_points" + 5000) / 10000 + "own"."fixed_minor",
      ("l"."amount_minor" * "any"."basis_points" + 5000) / 10000 + "any"."fixed_minor") END), 0)::text AS "fee_minor"
  FROM "settlement_line" AS "l"
    LEFT JOIN "rate" AS "own" ON "own"."scheme" = coalesce("l"."scheme", '')
    LEFT JOIN "rate" AS "any" ON "any"."scheme" = '*'
  WHERE "l"."batch_id" = $1::uuid
  GROUP BY "l"."merchant_id", "l"."currency"`;
/** Payout rows and files are made one batch at a time (the lock ends with the transaction): a batch is looked at once. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('merchant_payout')) IS NULL AS "locked"`;
const HAS_PAYOUTS = `SELECT EXISTS (SELECT 1 FROM "merchant_payout" WHERE "batch_id" = $1::uuid) AS "done"`;
const NEXT_SEQUENCE = `SELECT coalesce(max("sequence"), 0) + 1 AS "next" FROM "payout_file"`;
const INSERT_FILE = `INSERT INTO "payout_file" ("id", "batch_id", "acquirer_id", "business_day", "sequence", "message_id", "created_at",
    "initiating_party", "requested_execution_date", "file_name", "transaction_count", "held_count", "next_attempt_at")
  VALUES ($1::uuid, $2::uuid, $3, $4::date, $5, $6, $7, $8, $9::date, $10, $11, $12, $7)`;
const INSERT_PAYOUTS = `INSERT INTO "merchant_payout" ("id", "batch_id", "acquirer_id", "business_day", "created_at", "payout_file_id",
    "requested_execution_date", "merchant_id", "currency", "line_count", "gross_minor", "fee_minor", "net_minor", "status", "held_reason",
    "creditor_name", "creditor_iban", "creditor_bic", "debtor_account_id", "debtor_name", "debtor_iban", "debtor_bic")
  SELECT "t"."id", $1::uuid, $2, $3::date, $4, CASE WHEN "t"."held_reason" IS NULL THEN $5::uuid END,
    CASE WHEN "t"."held_reason" IS NULL THEN $6::date END, "t"."merchant_id", "t"."currency", "t"."line_count", "t"."gross_minor", "t"."fee_minor",
    "t"."net_minor", CASE WHEN "t"."held_reason" IS NULL THEN 'ordered' ELSE 'held' END, "t"."held_reason", "t"."creditor_name", "t"."creditor_iban",
    "t"."creditor_bic", "t"."debtor_account_id", "t"."debtor_name", "t"."debtor_iban", "t"."debtor_bic"
  FROM unnest($7::text[], $8::text[], $9::text[], $10::int[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[], $15::text[], $16::text[],
    $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
    AS "t"("id", "merchant_id", "currency", "line_count", "gross_minor", "fee_minor", "net_minor", "held_reason", "creditor_name", "creditor_iban",
      "creditor_bic", "debtor_account_id", "debtor_name", "debtor_iban", "debtor_bic")`;

const SHOWN = `SELECT ${PAYOUT_COLUMNS} FROM "merchant_payout" AS "p" LEFT JOIN "payout_file" AS "f" ON "f"."id" = "p"."payout_file_id"`;
const LIST = `SELECT * FROM (${SHOWN}
    WHERE ($1::date IS NULL OR "p"."business_day" = $1::date) AND ($2::text IS NULL OR "p"."merchant_id" = $2)) AS "shown"
  WHERE ($3::text IS NULL OR "status" = $3) ORDER BY "business_day" DESC, "merchant_id", "currency", "acquirer_id" LIMIT $4`;
const OF_FILE = `${SHOWN} WHERE "p"."payout_file_id" = $1::uuid ORDER BY "p"."merchant_id", "p"."currency"`;

/**
 * Ordered payouts whose EndToEndId a booked debit entry of an imported statement carries (letter
 * case ignored, same currency; the earliest entry when several do): paid when the amount is the
 * net, paid_with_difference otherwise, both amounts kept. One statement for all of them.
 */
const MATCH_ENTRIES = `WITH "found" AS (
    SELECT DISTINCT ON ("p"."id") "p"."id", "e"."statement_id", "e"."position", "e"."amount_minor", "e"."booking_date"
    FROM "merchant_payout" AS "p" JOIN "bank_statement_entry" AS "e"
      ON upper("e"."reference") = "p"."id" AND "e"."direction" = 'debit' AND "e"."reference" IS NOT NULL
        AND "e"."status" = 'booked' AND NOT "e"."reversal" AND "e"."currency" = "p"."currency"
    WHERE "p"."status" = 'ordered'
    ORDER BY "p"."id", "e"."booking_date", "e"."statement_id", "e"."position")
  UPDATE "merchant_payout" AS "p" SET "status" = CASE WHEN "found"."amount_minor" = "p"."net_minor" THEN 'paid' ELSE 'paid_with_difference' END,
    "paid_minor" = "found"."amount_minor", "paid_statement_id" = "found"."statement_id", "paid_entry_position" = "found"."position",
    "paid_booking_date" = "found"."booking_date", "matched_at" = $1
  FROM "found" WHERE "p"."id" = "found"."id" AND "p"."status" = 'ordered'`;

export interface ReadyBatch {
  readonly id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
}

/** What fixes a new file's bytes besides its payouts. */
export interface PayoutFileRecipe {
  readonly createdAt: Date;
  readonly initiatingParty: string;
  readonly requestedExecutionDate: string;
}

export interface PayoutFilter {
  readonly businessDay?: string;
  readonly merchantId?: string;
  readonly status?: PayoutStatus;
}

/** An EndToEndId: `PO` and 32 hex digits of a random UUID, upper case (34 of the 35 characters pain.001 allows). */
const newPayoutId = () => `PO${randomUUID().replaceAll('-', '').toUpperCase()}`;

/** The only code that writes merchant_payout (and makes payout_file rows with their payouts). Plain SQL, PostgreSQL and PGlite. */
@Injectable()
export class MerchantPayoutRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  readyBatches(limit: number): Promise<ReadyBatch[]> {
    return this.db.query<ReadyBatch & Record<string, unknown>>(READY_BATCHES, [limit]);
  }

  /** The batch's lines per merchant and currency with the fees the acquirer's `rates` expect (AcquirerFeeSchedule.ratesOf). */
  async merchantSumsOf(batchId: string, rates: readonly AcquirerRate[]): Promise<MerchantBatchSum[]> {
    const rows = await this.db.query<Record<string, string | number>>(MERCHANT_SUMS, [
      batchId,
      rates.map((r) => r.scheme),
      rates.map((r) => r.basisPoints),
      rates.map((r) => r.fixedMinor.toString()),
    ]);
    return rows.map((r) => ({
      merchantId: String(r.merchant_id),
      currency: String(r.currency).trim(),
      lineCount: Number(r.line_count),
      grossMinor: BigInt(String(r.gross_minor)),
      feeMinor: BigInt(String(r.fee_minor)),
    }));
  }

  /**
   * The batch's payouts and, when one of them is payable, its file (the next sequence): all in one
   * transaction, once per batch. Returns the file's id; undefined when all are held or another
   * pass made them first.
   */
  async create(batch: ReadyBatch, drafts: readonly PayoutDraft[], recipe: PayoutFileRecipe): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.query(LOCK);
      const [{ done }] = await tx.query<{ done: boolean }>(HAS_PAYOUTS, [batch.id]);
      if (done || drafts.length === 0) return undefined;
      const payable = drafts.filter((d) => d.heldReason === null).length;
      const fileId = payable > 0 ? randomUUID() : undefined;
      if (fileId) {
        const [{ next }] = await tx.query<{ next: number }>(NEXT_SEQUENCE);
        const sequence = Number(next);
        const { fileName, messageId } = payoutFileNamesOf(batch.business_day, sequence);
        const { createdAt, initiatingParty, requestedExecutionDate } = recipe;
        const held = drafts.length - payable;
        const file = [fileId, batch.id, batch.acquirer_id, batch.business_day, sequence, messageId, createdAt, initiatingParty, requestedExecutionDate];
        await tx.execute(INSERT_FILE, [...file, fileName, payable, held]);
      }
      const batchColumns = [batch.id, batch.acquirer_id, batch.business_day, recipe.createdAt, fileId ?? null, recipe.requestedExecutionDate];
      await tx.execute(INSERT_PAYOUTS, [...batchColumns, ...payoutColumnsOf(drafts)]);
      return fileId;
    });
  }

  /** Newest business day first. */
  async list(filter: PayoutFilter, limit: number): Promise<MerchantPayout[]> {
    const rows = await this.db.query<PayoutRow>(LIST, [filter.businessDay ?? null, filter.merchantId ?? null, filter.status ?? null, limit]);
    return rows.map(payoutOf);
  }

  /** The payouts a file orders, in file order (merchant, currency). */
  async ofFile(fileId: string): Promise<MerchantPayout[]> {
    return (await this.db.query<PayoutRow>(OF_FILE, [fileId])).map(payoutOf);
  }

  /** Marks paid the ordered payouts that imported statements show paid; returns how many. */
  matchStatementEntries(now: Date): Promise<number> {
    return this.db.execute(MATCH_ENTRIES, [now]);
  }
}

/** The parameters $7..$21 of INSERT_PAYOUTS: one array per column. */
function payoutColumnsOf(drafts: readonly PayoutDraft[]): unknown[][] {
  const column = <T>(of: (draft: PayoutDraft) => T): T[] => drafts.map(of);
  return [
    column(() => newPayoutId()),
    column((d) => d.merchantId),
    column((d) => d.currency),
    column((d) => d.lineCount),
    column((d) => d.grossMinor.toString()),
    column((d) => d.feeMinor.toString()),
    column((d) => d.netMinor.toString()),
    column((d) => d.heldReason),
    column((d) => d.creditor?.name ?? null),
    column((d) => d.creditor?.iban ?? null),
    column((d) => d.creditor?.bic ?? null),
    column((d) => d.debtor?.accountId ?? null),
    column((d) => d.debtor?.name ?? null),
    column((d) => d.debtor?.iban ?? null),
    column((d) => d.debtor?.bic ?? null),
  ];
}
