import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { settlementJournalFileSentV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { deliveryStateOf, type FileDeliveryRow, FileQueueRepository } from '../files/file-queue.repository';
import type { JournalEntryRow, JournalEntrySource } from './journal-entry';
import { type JournalFile, type JournalFileRecipe, type JournalFileStatus, journalFileSentEventOf, type WrittenJournalFile } from './journal-file';

const FILE_COLUMNS = `"id"::text AS "id", "business_day"::text AS "business_day", "currency", "sequence", "acquirers", "layout", "values",
  "file_name", "created_at", "status", "attempts", "next_attempt_at", "last_error", "byte_length"::text AS "byte_length", "sha256",
  "entry_count", "debit_minor"::text AS "debit_minor", "credit_minor"::text AS "credit_minor", "destination", "delivered_at"`;

/** Business days every one of the acquirers has closed, with postings and no journal file yet, oldest first. */
const READY_DAYS = `SELECT "b"."business_day"::text AS "business_day" FROM "settlement_batch" AS "b"
  WHERE "b"."acquirer_id" = ANY($1::text[])
    AND NOT EXISTS (SELECT 1 FROM "journal_file" AS "j" WHERE "j"."business_day" = "b"."business_day")
  GROUP BY "b"."business_day"
  HAVING count(DISTINCT "b"."acquirer_id") = cardinality($1::text[])
    AND EXISTS (SELECT 1 FROM "settlement_posting_entry" AS "e" WHERE "e"."business_day" = "b"."business_day" AND "e"."acquirer_id" = ANY($1::text[]))
  ORDER BY "b"."business_day" LIMIT $2`;
/** Journal sequences are allocated one at a time (the lock ends with the transaction). */
const LOCK_SEQUENCES = `SELECT pg_advisory_xact_lock(hashtext('journal_file')) IS NULL AS "locked"`;
const NEXT_SEQUENCE = `SELECT coalesce(max("sequence"), 0) + 1 AS "next" FROM "journal_file"`;
const DAY_CURRENCIES = `SELECT DISTINCT "currency" FROM "settlement_posting_entry"
  WHERE "business_day" = $1::date AND "acquirer_id" = ANY($2::text[]) ORDER BY "currency"`;
const INSERT_FILE = `INSERT INTO "journal_file"
    ("id", "business_day", "currency", "sequence", "acquirers", "layout", "values", "file_name", "created_at", "next_attempt_at")
  VALUES ($1::uuid, $2::date, $3, $4, $5::text[], $6, $7::jsonb, $8, $9, $9) ON CONFLICT ("business_day", "currency") DO NOTHING RETURNING "id"`;

const MARK_DELIVERED = `UPDATE "journal_file" SET "status" = 'delivered', "attempts" = "attempts" + 1, "last_error" = NULL,
    "byte_length" = $2, "sha256" = $3, "entry_count" = $4, "debit_minor" = $5, "credit_minor" = $6, "destination" = $7, "delivered_at" = $8
  WHERE "id" = $1::uuid`;
const FIND_BY_ID = `SELECT ${FILE_COLUMNS} FROM "journal_file" WHERE "id" = $1::uuid`;
const LIST = `SELECT ${FILE_COLUMNS} FROM "journal_file"
  WHERE ($1::date IS NULL OR "business_day" = $1::date) AND ($2::text IS NULL OR "currency" = $2) AND ($3::text IS NULL OR "status" = $3)
  ORDER BY "business_day" DESC, "currency" LIMIT $4`;

/** The day's entries in a currency of these acquirers. */
const DAY_ENTRIES = `FROM "settlement_posting_entry" AS "e" JOIN "settlement_posting" AS "p" ON "p"."id" = "e"."posting_id"
  WHERE "e"."business_day" = $1::date AND "e"."currency" = $2 AND "e"."acquirer_id" = ANY($3::text[])`;
/** What the file's header and trailer say: the entry count and both sums, read before the first entry is written. */
const DAY_TOTALS = `SELECT count(*)::int AS "entry_count", coalesce(sum("e"."amount_minor") FILTER (WHERE "e"."side" = 'debit'), 0)::text AS "debit_minor",
    coalesce(sum("e"."amount_minor") FILTER (WHERE "e"."side" = 'credit'), 0)::text AS "credit_minor" ${DAY_ENTRIES}`;
/**
 * The entries a file lists, a page at a time in a fixed order: acquirer, account pair, posting, its
 * debit before its credit (`"side" = 'credit'` is false for the debit), each page after the last key of the previous.
 */
const ENTRY_COLUMNS = `SELECT "e"."posting_id"::text AS "posting_id", "p"."batch_id"::text AS "batch_id", "p"."acquirer_id", "e"."side", "e"."account",
    "e"."currency", "e"."amount_minor"::text AS "amount_minor", "p"."debit_account", "p"."credit_account", "p"."line_count"`;
const ENTRY_ORDER = `("p"."acquirer_id", "p"."debit_account", "p"."credit_account", "e"."posting_id", "e"."side" = 'credit')`;
const FIRST_ENTRIES = `${ENTRY_COLUMNS} ${DAY_ENTRIES} ORDER BY ${ENTRY_ORDER.slice(1, -1)} LIMIT $4`;
const NEXT_ENTRIES = `${ENTRY_COLUMNS} ${DAY_ENTRIES} AND ${ENTRY_ORDER} > ($5, $6, $7, $8::uuid, $9::boolean) ORDER BY ${ENTRY_ORDER.slice(1, -1)} LIMIT $4`;

interface FileRow extends FileDeliveryRow {
  readonly id: string;
  readonly business_day: string;
  readonly currency: string;
  readonly sequence: number;
  readonly acquirers: string[];
  readonly layout: string;
  readonly values: Record<string, string> | string;
  readonly file_name: string;
  readonly created_at: Date | string;
  readonly entry_count: number | null;
  readonly debit_minor: string | null;
  readonly credit_minor: string | null;
}

export interface JournalFileFilter {
  readonly businessDay?: string;
  readonly currency?: string;
  readonly status?: JournalFileStatus;
}

/** The only code that touches journal_file, and the reader of a day's posting entries in file order (plain SQL, PostgreSQL and PGlite). */
@Injectable()
export class JournalFileRepository extends FileQueueRepository<JournalFile> {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) db: SettlementDb) {
    super(db, 'journal_file', FILE_COLUMNS, (row) => fileOf(row as FileRow));
  }

  async readyDays(acquirerIds: readonly string[], limit: number): Promise<string[]> {
    const rows = await this.db.query<{ business_day: string }>(READY_DAYS, [acquirerIds, limit]);
    return rows.map((r) => r.business_day);
  }

  /**
   * The day's files, one per currency of its entries, each with the next sequence and named by
   * `nameOf`. Once made, kept: a file the day already has in a currency is not made again.
   */
  async schedule(
    businessDay: string,
    recipe: { acquirers: readonly string[]; layout: string; values: Record<string, string>; createdAt: Date },
    nameOf: (currency: string, sequence: number) => string,
  ): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(LOCK_SEQUENCES);
      const currencies = await tx.query<{ currency: string }>(DAY_CURRENCIES, [businessDay, recipe.acquirers]);
      const ids: string[] = [];
      for (const { currency } of currencies) {
        const [{ next }] = await tx.query<{ next: number }>(NEXT_SEQUENCE);
        const sequence = Number(next);
        const params = [randomUUID(), businessDay, currency, sequence, recipe.acquirers, recipe.layout, JSON.stringify(recipe.values)];
        const [row] = await tx.query<{ id: string }>(INSERT_FILE, [...params, nameOf(currency, sequence), recipe.createdAt]);
        if (row) ids.push(row.id);
      }
      return ids;
    });
  }

  /** Delivered: what was written, where, when, and `settlement.journal-file.sent.v1` in the outbox (key: business day), in one transaction. */
  async markDelivered(file: JournalFileRecipe, written: WrittenJournalFile, destination: string, deliveredAt: Date): Promise<void> {
    const { byteLength, sha256, entryCount, debitMinor, creditMinor } = written;
    const event = journalFileSentEventOf(file, written, destination, deliveredAt);
    const params = [file.id, byteLength, sha256, entryCount, debitMinor.toString(), creditMinor.toString(), destination, deliveredAt];
    await this.markDeliveredWith(MARK_DELIVERED, params, this.outbox.row(settlementJournalFileSentV1, event, { key: file.businessDay }));
  }

  async findById(id: string): Promise<JournalFile | undefined> {
    const [row] = await this.db.query<FileRow>(FIND_BY_ID, [id]);
    return row && fileOf(row);
  }

  /** Newest business day first. */
  async list(filter: JournalFileFilter, limit: number): Promise<JournalFile[]> {
    const rows = await this.db.query<FileRow>(LIST, [filter.businessDay ?? null, filter.currency ?? null, filter.status ?? null, limit]);
    return rows.map(fileOf);
  }

  /**
   * The entries the file lists (its day, currency and acquirers: their batches closed, their
   * postings immutable): their count and sums, then the entries a page at a time.
   */
  async entriesOf(file: JournalFileRecipe, pageSize = 1_000): Promise<JournalEntrySource> {
    const params = [file.businessDay, file.currency, file.acquirers];
    const [sums] = await this.db.query<{ entry_count: number; debit_minor: string; credit_minor: string }>(DAY_TOTALS, params);
    const totals = { entryCount: Number(sums.entry_count), debitMinor: BigInt(sums.debit_minor), creditMinor: BigInt(sums.credit_minor) };
    const db = this.db;
    const entries = async function* (): AsyncGenerator<JournalEntryRow> {
      let page = await db.query<JournalEntryRow>(FIRST_ENTRIES, [...params, pageSize]);
      while (page.length > 0) {
        yield* page;
        if (page.length < pageSize) return;
        const last = page[page.length - 1];
        const key = [last.acquirer_id, last.debit_account, last.credit_account, last.posting_id, last.side === 'credit'];
        page = await db.query<JournalEntryRow>(NEXT_ENTRIES, [...params, pageSize, ...key]);
      }
    };
    return { totals, entries: entries() };
  }
}

function fileOf(row: FileRow): JournalFile {
  return {
    id: row.id,
    businessDay: row.business_day,
    currency: row.currency.trim(),
    sequence: Number(row.sequence),
    acquirers: row.acquirers,
    layout: row.layout,
    values: typeof row.values === 'string' ? (JSON.parse(row.values) as Record<string, string>) : row.values,
    fileName: row.file_name,
    createdAt: new Date(row.created_at),
    ...deliveryStateOf(row),
    written:
      row.sha256 === null
        ? null
        : {
            byteLength: Number(row.byte_length),
            sha256: row.sha256,
            entryCount: Number(row.entry_count),
            debitMinor: BigInt(row.debit_minor ?? 0),
            creditMinor: BigInt(row.credit_minor ?? 0),
          },
  };
}
