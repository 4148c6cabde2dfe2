import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner } from '@payments/persistence';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { LineGroup, Posting, PostingSource } from './posting';
import { DayCurrencySums } from './posting-balance';

/** The batch being closed, as its postings name it. */
export interface PostedBatch {
  readonly id: string;
  readonly acquirerId: string;
  readonly businessDay: string;
}

/** A booked posting, traceable to its batch and (through its sources) to its lines. */
export interface BookedPosting extends Posting {
  readonly id: string;
  readonly batchId: string;
  readonly acquirerId: string;
  readonly businessDay: string;
}

/** The postings, both entries of each and their sources, in one statement. */
const WRITE = `WITH "posted" AS (
    INSERT INTO "settlement_posting" ("id", "batch_id", "acquirer_id", "business_day", "debit_account", "credit_account", "currency", "amount_minor", "line_count")
    SELECT "p"."id", $1::uuid, $2, $3::date, "p"."debit_account", "p"."credit_account", "p"."currency", "p"."amount_minor", "p"."line_count"
    FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::int[])
      AS "p"("id", "debit_account", "credit_account", "currency", "amount_minor", "line_count")
    RETURNING *),
  "entries" AS (
    INSERT INTO "settlement_posting_entry" ("posting_id", "side", "account", "currency", "amount_minor", "acquirer_id", "business_day")
    SELECT "p"."id", "s"."side", CASE "s"."side" WHEN 'debit' THEN "p"."debit_account" ELSE "p"."credit_account" END,
      "p"."currency", "p"."amount_minor", "p"."acquirer_id", "p"."business_day"
    FROM "posted" AS "p" CROSS JOIN (VALUES ('debit'), ('credit')) AS "s"("side"))
  INSERT INTO "settlement_posting_source" ("posting_id", "rule_id", "event", "operation", "direction", "merchant_id", "scheme", "currency", "line_count", "amount_minor")
  SELECT * FROM unnest($10::uuid[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::int[], $19::bigint[])`;

const DAY_SUMS = `SELECT "business_day"::text AS "business_day", "currency",
    coalesce(sum("amount_minor") FILTER (WHERE "side" = 'debit'), 0)::text AS "debit_minor",
    coalesce(sum("amount_minor") FILTER (WHERE "side" = 'credit'), 0)::text AS "credit_minor"
  FROM "settlement_posting_entry" WHERE "business_day" = $1::date GROUP BY "business_day", "currency"`;

const OF_BATCH = `SELECT "id"::text AS "id", "batch_id"::text AS "batch_id", "acquirer_id", "business_day"::text AS "business_day",
    "debit_account", "credit_account", "currency", "amount_minor"::text AS "amount_minor", "line_count"
  FROM "settlement_posting" WHERE "batch_id" = $1::uuid ORDER BY "debit_account", "credit_account", "currency"`;
const SOURCES = `SELECT "posting_id"::text AS "posting_id", "rule_id", "event", "operation", "direction", "merchant_id", "scheme", "currency",
    "line_count", "amount_minor"::text AS "amount_minor"
  FROM "settlement_posting_source" WHERE "posting_id" = ANY($1::uuid[])
  ORDER BY "merchant_id", "event", "operation", "direction", "scheme", "currency"`;
const BATCH_EXISTS = `SELECT EXISTS (SELECT 1 FROM "settlement_batch" WHERE "id" = $1::uuid) AS "found"`;

/** The batch's lines summed per kind, as a query returns them (amount as decimal text: bigint without loss). */
export interface LineGroupRow extends Record<string, unknown> {
  readonly event: string;
  readonly operation: string;
  readonly direction: string;
  readonly merchant_id: string;
  readonly scheme: string;
  readonly currency: string;
  readonly line_count: number;
  readonly amount_minor: string;
}

interface SourceRow extends LineGroupRow {
  readonly posting_id: string;
  readonly rule_id: string;
}

interface PostingRow extends Record<string, unknown> {
  readonly id: string;
  readonly batch_id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly debit_account: string;
  readonly credit_account: string;
  readonly currency: string;
  readonly amount_minor: string;
  readonly line_count: number;
}

export const lineGroupOf = (row: LineGroupRow): LineGroup => ({
  event: row.event,
  operation: row.operation,
  direction: row.direction,
  merchantId: row.merchant_id,
  scheme: row.scheme,
  currency: row.currency,
  lineCount: Number(row.line_count),
  amountMinor: BigInt(row.amount_minor),
});

/** The only code that touches the postings (plain SQL, on PostgreSQL and PGlite alike). */
@Injectable()
export class PostingRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  /** Writes the batch's postings with their entries and sources, in one statement. */
  async write(tx: SqlQueryRunner, batch: PostedBatch, postings: readonly Posting[]): Promise<void> {
    if (postings.length === 0) return;
    const ids = postings.map(() => randomUUID());
    const sources = postings.flatMap((p, i) => p.sources.map((source) => ({ ...source, postingId: ids[i] })));
    const column = <T>(of: (source: PostingSource & { postingId: string }) => T): T[] => sources.map(of);
    await tx.execute(WRITE, [
      batch.id,
      batch.acquirerId,
      batch.businessDay,
      ids,
      postings.map((p) => p.debitAccount),
      postings.map((p) => p.creditAccount),
      postings.map((p) => p.currency),
      postings.map((p) => p.amountMinor.toString()),
      postings.map((p) => p.lineCount),
      column((s) => s.postingId),
      column((s) => s.ruleId),
      column((s) => s.event),
      column((s) => s.operation),
      column((s) => s.direction),
      column((s) => s.merchantId),
      column((s) => s.scheme ?? 'unknown'),
      column((s) => s.currency),
      column((s) => s.lineCount),
      column((s) => s.amountMinor.toString()),
    ]);
  }

  /** Debit and credit entries of a business day (every acquirer), per currency. */
  async daySums(tx: SqlQueryRunner, businessDay: string): Promise<DayCurrencySums[]> {
    const rows = await tx.query<{ business_day: string; currency: string; debit_minor: string; credit_minor: string }>(DAY_SUMS, [businessDay]);
    return rows.map((r) => ({ businessDay: r.business_day, currency: r.currency, debitMinor: BigInt(r.debit_minor), creditMinor: BigInt(r.credit_minor) }));
  }

  /** The batch's postings in account order with their sources; undefined when there is no such batch. */
  async ofBatch(batchId: string): Promise<BookedPosting[] | undefined> {
    const [{ found }] = await this.db.query<{ found: boolean }>(BATCH_EXISTS, [batchId]);
    if (!found) return undefined;
    const rows = await this.db.query<PostingRow>(OF_BATCH, [batchId]);
    if (rows.length === 0) return [];
    const sources = await this.db.query<SourceRow>(SOURCES, [rows.map((r) => r.id)]);
    return rows.map((r) => ({
      id: r.id,
      batchId: r.batch_id,
      acquirerId: r.acquirer_id,
      businessDay: r.business_day,
      debitAccount: r.debit_account,
      creditAccount: r.credit_account,
      currency: r.currency,
      amountMinor: BigInt(r.amount_minor),
      lineCount: Number(r.line_count),
      sources: sources.filter((s) => s.posting_id === r.id).map((s) => ({ ...lineGroupOf(s), ruleId: s.rule_id })),
    }));
  }
}
