import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { settlementDayClosedV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { BatchPostingsService } from '../postings/batch-postings.service';
import { lineGroupOf, type LineGroupRow } from '../postings/posting.repository';
import { BatchTotal, dayClosedEventOf, SettlementBatch } from './settlement-batch';

/** A concurrent close of the same day waits on this key, then finds the batch the first one made. */
const OPEN_BATCH = `INSERT INTO "settlement_batch" ("id", "acquirer_id", "business_day") VALUES ($1::uuid, $2, $3::date)
  ON CONFLICT ("acquirer_id", "business_day") DO NOTHING RETURNING "id"`;

/**
 * Links the day's lines to the batch and sums them, in one statement and one pass over the lines
 * (what the UPDATE returns is grouped as it comes, never read again from the table): the day's
 * lines, and the late ones still without a batch: lines whose own day was already closed when they
 * arrived, or that were written while that day was being closed (the close did not see them).
 * Those count in this batch, on this day, flagged late. From the sums per kind of line it stores
 * the totals per merchant, terminal, scheme and currency and the batch's line counts, and returns
 * the lines summed per kind for the postings (`GROUP BY "event", ...`: what a posting rule
 * matches on). A line without a card scheme is of scheme 'unknown'.
 */
const LINK_AND_SUM_LINES = `WITH "linked" AS (
    UPDATE "settlement_line" AS "l" SET "batch_id" = $1::uuid, "late" = "l"."late" OR "l"."business_day" <> $3::date, "business_day" = $3::date
    WHERE "l"."acquirer_id" = $2 AND "l"."batch_id" IS NULL AND ("l"."business_day" = $3::date OR ("l"."business_day" < $3::date
      AND EXISTS (SELECT 1 FROM "settlement_batch" AS "b" WHERE "b"."acquirer_id" = $2 AND "b"."business_day" = "l"."business_day")))
    RETURNING "l"."merchant_id", "l"."terminal_id", coalesce("l"."scheme", 'unknown') AS "scheme", "l"."currency", "l"."event",
      "l"."operation", "l"."direction", "l"."amount_minor", "l"."late"),
  "kinds" AS (
    SELECT "merchant_id", "terminal_id", "scheme", "currency", "event", "operation", "direction",
      count(*) AS "line_count", count(*) FILTER (WHERE "late") AS "late_count", sum("amount_minor") AS "amount_minor"
    FROM "linked" GROUP BY "merchant_id", "terminal_id", "scheme", "currency", "event", "operation", "direction"),
  "totals" AS (
    INSERT INTO "settlement_batch_total"
      ("batch_id", "merchant_id", "terminal_id", "scheme", "currency", "line_count", "debit_minor", "credit_minor", "net_minor")
    SELECT $1::uuid, "merchant_id", "terminal_id", "scheme", "currency", sum("line_count")::int,
      coalesce(sum("amount_minor") FILTER (WHERE "direction" = 'debit'), 0)::bigint,
      coalesce(sum("amount_minor") FILTER (WHERE "direction" = 'credit'), 0)::bigint,
      sum(CASE WHEN "direction" = 'debit' THEN "amount_minor" ELSE -"amount_minor" END)::bigint
    FROM "kinds" GROUP BY "merchant_id", "terminal_id", "scheme", "currency"),
  "counted" AS (
    UPDATE "settlement_batch" SET "line_count" = (SELECT coalesce(sum("line_count"), 0)::int FROM "kinds"),
      "late_line_count" = (SELECT coalesce(sum("late_count"), 0)::int FROM "kinds")
    WHERE "id" = $1::uuid)
  SELECT "event", "operation", "direction", "merchant_id", "scheme", "currency", sum("line_count")::int AS "line_count", sum("amount_minor")::text AS "amount_minor"
  FROM "kinds" GROUP BY "event", "operation", "direction", "merchant_id", "scheme", "currency"`;

const BATCH_COLUMNS = `"id"::text AS "id", "acquirer_id", "business_day"::text AS "business_day", "closed_at", "line_count", "late_line_count"`;
const FIND_BY_ID = `SELECT ${BATCH_COLUMNS} FROM "settlement_batch" WHERE "id" = $1::uuid`;
const FIND_BY_DAY = `SELECT ${BATCH_COLUMNS} FROM "settlement_batch" WHERE "acquirer_id" = $1 AND "business_day" = $2::date`;
const LIST = `SELECT ${BATCH_COLUMNS} FROM "settlement_batch"
  WHERE ($1::text IS NULL OR "acquirer_id" = $1) AND ($2::date IS NULL OR "business_day" = $2::date)
  ORDER BY "business_day" DESC, "acquirer_id" LIMIT $3`;
const TOTALS = `SELECT "batch_id"::text AS "batch_id", "merchant_id", "terminal_id", "scheme", "currency", "line_count",
    "debit_minor"::text AS "debit_minor", "credit_minor"::text AS "credit_minor", "net_minor"::text AS "net_minor"
  FROM "settlement_batch_total" WHERE "batch_id" = ANY($1::uuid[]) ORDER BY "merchant_id", "terminal_id", "scheme", "currency"`;
const HAS_LINES = `SELECT EXISTS (SELECT 1 FROM "settlement_line" WHERE "acquirer_id" = $1) AS "found"`;

interface BatchRow extends Record<string, unknown> {
  readonly id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly closed_at: Date | string;
  readonly line_count: number;
  readonly late_line_count: number;
}

interface TotalRow extends Record<string, unknown> {
  readonly batch_id: string;
  readonly merchant_id: string;
  readonly terminal_id: string;
  readonly scheme: string;
  readonly currency: string;
  readonly line_count: number;
  readonly debit_minor: string;
  readonly credit_minor: string;
  readonly net_minor: string;
}

/** The only code that touches the batches and their totals (plain SQL, on PostgreSQL and PGlite alike). */
@Injectable()
export class SettlementBatchRepository {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(
    @Inject(SETTLEMENT_DB) private readonly db: SettlementDb,
    private readonly postings: BatchPostingsService,
  ) {}

  /**
   * Closes the day in one database transaction: the batch row, its lines linked, its totals, its
   * postings to the chart of accounts, and `settlement.day.closed.v1` in the outbox. Undefined
   * when the day already has a batch (made before, or by a concurrent close that committed
   * first): nothing was written. Throws, writing nothing, when a line is unmapped or the
   * postings do not balance.
   */
  async close(acquirerId: string, businessDay: string): Promise<SettlementBatch | undefined> {
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      const opened = await tx.query(OPEN_BATCH, [id, acquirerId, businessDay]);
      if (opened.length === 0) return undefined;
      const lineGroups = await tx.query<LineGroupRow>(LINK_AND_SUM_LINES, [id, acquirerId, businessDay]);
      await this.postings.book(tx, { id, acquirerId, businessDay }, lineGroups.map(lineGroupOf));
      const [batch] = await this.withTotals(tx, await tx.query<BatchRow>(FIND_BY_ID, [id]));
      const row = this.outbox.row(settlementDayClosedV1, dayClosedEventOf(batch), { key: acquirerId });
      await tx.query(
        `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
          VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${row.channel}', '') FROM "written"`,
        [row.id, row.topic, row.key, row.payload, row.headers],
      );
      return batch;
    });
  }

  async findByDay(acquirerId: string, businessDay: string): Promise<SettlementBatch | undefined> {
    return (await this.withTotals(this.db, await this.db.query<BatchRow>(FIND_BY_DAY, [acquirerId, businessDay])))[0];
  }

  async findById(id: string): Promise<SettlementBatch | undefined> {
    return (await this.withTotals(this.db, await this.db.query<BatchRow>(FIND_BY_ID, [id])))[0];
  }

  /** Newest business day first. */
  async list(filter: { acquirerId?: string; businessDay?: string }, limit: number): Promise<SettlementBatch[]> {
    return this.withTotals(this.db, await this.db.query<BatchRow>(LIST, [filter.acquirerId ?? null, filter.businessDay ?? null, limit]));
  }

  /** Whether any line of this acquirer was ever recorded. */
  async hasLines(acquirerId: string): Promise<boolean> {
    const [row] = await this.db.query<{ found: boolean }>(HAS_LINES, [acquirerId]);
    return row.found;
  }

  private async withTotals(runner: SqlQueryRunner, rows: BatchRow[]): Promise<SettlementBatch[]> {
    if (rows.length === 0) return [];
    const totals = await runner.query<TotalRow>(TOTALS, [rows.map((r) => r.id)]);
    return rows.map((r) => ({
      id: r.id,
      acquirerId: r.acquirer_id,
      businessDay: r.business_day,
      closedAt: new Date(r.closed_at),
      lineCount: Number(r.line_count),
      lateLineCount: Number(r.late_line_count),
      totals: totals.filter((t) => t.batch_id === r.id).map(totalOf),
    }));
  }
}

function totalOf(row: TotalRow): BatchTotal {
  return {
    merchantId: row.merchant_id,
    terminalId: row.terminal_id,
    scheme: row.scheme,
    currency: row.currency,
    lineCount: Number(row.line_count),
    debitMinor: BigInt(row.debit_minor),
    creditMinor: BigInt(row.credit_minor),
    netMinor: BigInt(row.net_minor),
  };
}
