import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { settlementFileSentV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { deliveryStateOf, type FileDeliveryRow, FileQueueRepository } from './file-queue.repository';
import type { BatchLineRow } from './settlement-file.detail';
import { fileSentEventOf, type FileRecipe, totalsAsText, type SettlementFile, type SettlementFileStatus, type WrittenFile } from './settlement-file';

const FILE_COLUMNS = `"id"::text AS "id", "batch_id"::text AS "batch_id", "acquirer_id", "business_day"::text AS "business_day", "sequence",
  "layout", "values", "file_name", "created_at", "status", "attempts", "next_attempt_at", "last_error", "byte_length"::text AS "byte_length",
  "sha256", "detail_count", "totals", "destination", "delivered_at"`;

/** Closed batches of these acquirers that have no file yet, oldest first. */
const UNSCHEDULED = `SELECT "b"."id"::text AS "id", "b"."acquirer_id", "b"."business_day"::text AS "business_day" FROM "settlement_batch" AS "b"
  WHERE "b"."acquirer_id" = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM "settlement_file" AS "f" WHERE "f"."batch_id" = "b"."id")
  ORDER BY "b"."business_day", "b"."closed_at" LIMIT $2`;
/** Sequences of one acquirer are allocated one at a time (the lock ends with the transaction). */
const LOCK_SEQUENCES = `SELECT pg_advisory_xact_lock(hashtext('settlement_file:' || $1)) IS NULL AS "locked"`;
const NEXT_SEQUENCE = `SELECT coalesce(max("sequence"), 0) + 1 AS "next" FROM "settlement_file" WHERE "acquirer_id" = $1`;
const INSERT_FILE = `INSERT INTO "settlement_file"
    ("id", "batch_id", "acquirer_id", "business_day", "sequence", "layout", "values", "file_name", "created_at", "next_attempt_at")
  VALUES ($1::uuid, $2::uuid, $3, $4::date, $5, $6, $7::jsonb, $8, $9, $9) ON CONFLICT ("batch_id") DO NOTHING RETURNING "id"`;

const MARK_DELIVERED = `UPDATE "settlement_file" SET "status" = 'delivered', "attempts" = "attempts" + 1, "last_error" = NULL,
    "byte_length" = $2, "sha256" = $3, "detail_count" = $4, "totals" = $5::jsonb, "destination" = $6, "delivered_at" = $7
  WHERE "id" = $1::uuid`;
const FIND_BY_ID = `SELECT ${FILE_COLUMNS} FROM "settlement_file" WHERE "id" = $1::uuid`;
const FIND_BY_BATCH = `SELECT ${FILE_COLUMNS} FROM "settlement_file" WHERE "batch_id" = $1::uuid`;
const LIST = `SELECT ${FILE_COLUMNS} FROM "settlement_file"
  WHERE ($1::text IS NULL OR "acquirer_id" = $1) AND ($2::date IS NULL OR "business_day" = $2::date) AND ($3::text IS NULL OR "status" = $3)
  ORDER BY "business_day" DESC, "acquirer_id" LIMIT $4`;

const LINE_COLUMNS = `"transaction_id"::text AS "transaction_id", "event", "merchant_id", "terminal_id", "scheme", "operation", "direction",
  "amount_minor"::text AS "amount_minor", "currency", "occurred_at", "rrn", "masked_pan", "approval_code"`;
/**
 * The order of the batch order index (batch, time, transaction, event). Qualified: a bare
 * "transaction_id" would name the output column (the id as text), an order no index has, and every
 * page would sort the rest of the batch.
 */
const LINE_ORDER = `"l"."occurred_at", "l"."transaction_id", "l"."event"`;
const FIRST_LINES = `SELECT ${LINE_COLUMNS} FROM "settlement_line" AS "l" WHERE "l"."batch_id" = $1::uuid ORDER BY ${LINE_ORDER} LIMIT $2`;
const NEXT_LINES = `SELECT ${LINE_COLUMNS} FROM "settlement_line" AS "l" WHERE "l"."batch_id" = $1::uuid
    AND (${LINE_ORDER}) > ($3::timestamptz, $4::uuid, $5) ORDER BY ${LINE_ORDER} LIMIT $2`;

interface FileRow extends FileDeliveryRow {
  readonly id: string;
  readonly batch_id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly sequence: number;
  readonly layout: string;
  readonly values: Record<string, string> | string;
  readonly file_name: string;
  readonly created_at: Date | string;
  readonly detail_count: number | null;
  readonly totals: Record<string, string> | string | null;
}

/** A closed batch that has no file yet. */
export interface UnscheduledBatch {
  readonly batchId: string;
  readonly acquirerId: string;
  readonly businessDay: string;
}

export interface FileFilter {
  readonly acquirerId?: string;
  readonly businessDay?: string;
  readonly status?: SettlementFileStatus;
}

/** The only code that touches settlement_file, and the reader of a batch's lines in file order (plain SQL, PostgreSQL and PGlite). */
@Injectable()
export class SettlementFileRepository extends FileQueueRepository<SettlementFile> {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) db: SettlementDb) {
    super(db, 'settlement_file', FILE_COLUMNS, (row) => fileOf(row as FileRow));
  }

  async unscheduled(acquirerIds: readonly string[], limit: number): Promise<UnscheduledBatch[]> {
    if (acquirerIds.length === 0) return [];
    const rows = await this.db.query<{ id: string; acquirer_id: string; business_day: string }>(UNSCHEDULED, [acquirerIds, limit]);
    return rows.map((r) => ({ batchId: r.id, acquirerId: r.acquirer_id, businessDay: r.business_day }));
  }

  /**
   * The batch's file, with the acquirer's next sequence number, named by `nameOf(sequence)`. Once
   * made, it is kept: undefined when the batch already had one (nothing written).
   */
  async schedule(
    batch: UnscheduledBatch,
    recipe: { layout: string; values: Record<string, string>; createdAt: Date; nameOf: (sequence: number) => string },
  ): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.query(LOCK_SEQUENCES, [batch.acquirerId]);
      const [{ next }] = await tx.query<{ next: number }>(NEXT_SEQUENCE, [batch.acquirerId]);
      const sequence = Number(next);
      const params = [randomUUID(), batch.batchId, batch.acquirerId, batch.businessDay, sequence, recipe.layout, JSON.stringify(recipe.values)];
      const [row] = await tx.query<{ id: string }>(INSERT_FILE, [...params, recipe.nameOf(sequence), recipe.createdAt]);
      return row?.id;
    });
  }

  /** Delivered: what was written, where, when, and `settlement.file.sent.v1` in the outbox, in one transaction. */
  async markDelivered(file: FileRecipe, written: WrittenFile, destination: string, deliveredAt: Date): Promise<void> {
    const totals = JSON.stringify(totalsAsText(written.totals));
    const row = this.outbox.row(settlementFileSentV1, fileSentEventOf(file, written, destination, deliveredAt), { key: file.acquirerId });
    await this.markDeliveredWith(MARK_DELIVERED, [file.id, written.byteLength, written.sha256, written.detailCount, totals, destination, deliveredAt], row);
  }

  async findById(id: string): Promise<SettlementFile | undefined> {
    const [row] = await this.db.query<FileRow>(FIND_BY_ID, [id]);
    return row && fileOf(row);
  }

  async findByBatch(batchId: string): Promise<SettlementFile | undefined> {
    const [row] = await this.db.query<FileRow>(FIND_BY_BATCH, [batchId]);
    return row && fileOf(row);
  }

  /** Newest business day first. */
  async list(filter: FileFilter, limit: number): Promise<SettlementFile[]> {
    const rows = await this.db.query<FileRow>(LIST, [filter.acquirerId ?? null, filter.businessDay ?? null, filter.status ?? null, limit]);
    return rows.map(fileOf);
  }

  /**
   * The batch's lines in file order (time, transaction, event), a page at a time: never the whole
   * batch in memory. The next page is asked for as soon as the last key of this one is known, so
   * the database reads it while the caller encodes this one (two pages at most are held).
   */
  async *linesOf(batchId: string, pageSize = 2_000): AsyncGenerator<BatchLineRow> {
    let page = await this.db.query<BatchLineRow>(FIRST_LINES, [batchId, pageSize]);
    while (page.length > 0) {
      const last = page[page.length - 1];
      const next =
        page.length < pageSize
          ? undefined
          : this.db.query<BatchLineRow>(NEXT_LINES, [batchId, pageSize, new Date(last.occurred_at), last.transaction_id, last.event]);
      // A caller that stops early leaves the read page unawaited: its failure is not an unhandled rejection.
      next?.catch(() => undefined);
      yield* page;
      if (!next) return;
      page = await next;
    }
  }
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function fileOf(row: FileRow): SettlementFile {
  const totals = row.totals === null ? null : json(row.totals);
  return {
    id: row.id,
    batchId: row.batch_id,
    acquirerId: row.acquirer_id,
    businessDay: row.business_day,
    sequence: Number(row.sequence),
    layout: row.layout,
    values: json(row.values),
    fileName: row.file_name,
    createdAt: new Date(row.created_at),
    ...deliveryStateOf(row),
    written:
      row.sha256 === null || totals === null
        ? null
        : {
            byteLength: Number(row.byte_length),
            sha256: row.sha256,
            detailCount: Number(row.detail_count),
            totals: Object.fromEntries(Object.entries(totals).map(([name, value]) => [name, BigInt(value)])),
          },
  };
}
