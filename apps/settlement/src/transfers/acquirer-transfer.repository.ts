import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { settlementTransferImportedV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { amountsAsText } from '../http/amounts-as-text';
import { sameLineSql } from '../reconciliation/reconciliation-match';
import type { AcquirerTransferFile } from './acquirer-transfer-file';
import { AcquirerTransferRecord, BREAKS_SHOWN, TransferAlreadyImportedError, TransferBreak, TransferOutcomeTotal } from './acquirer-transfer.record';

/** Imports of one acquirer take turns: the checks for the same file or transfer and the matching see every earlier import. */
const SERIALIZE_ACQUIRER = `SELECT pg_advisory_xact_lock(hashtext('settlement.acquirer_transfer:' || $1))`;
const BY_SHA = `SELECT "id"::text AS "id" FROM "acquirer_transfer" WHERE "acquirer_id" = $1 AND "sha256" = $2`;
const BY_REFERENCE = `SELECT "id"::text AS "id" FROM "acquirer_transfer" WHERE "acquirer_id" = $1 AND "transfer_reference" = $2`;
const INSERT_TRANSFER = `INSERT INTO "acquirer_transfer" ("id", "acquirer_id", "transfer_reference", "value_date", "currency", "amount_minor", "gross_minor",
    "fee_minor", "line_count", "sha256", "file_name", "layout")
  VALUES ($1::uuid, $2, $3, $4::date, $5, $6::bigint, $7::bigint, $8::bigint, $9, $10, $11, $12)`;
/** Both sides of a line, signed: a credit to the card negative. */
const PAID = `'paid', 'short', 'over'`;
/** How far back from its value date a transfer pays lines: the business days searched for them (an RRN repeats over time). */
export const MATCH_WINDOW_DAYS = 60;
/**
 * The file's lines stored and matched in one statement. Each line takes our line of the acquirer
 * and currency it names (terminal, RRN, direction, as reconciliation pairs them) among the
 * business days of the window up to the value date, one not yet paid first, then the nearest in
 * time; a line of ours paid already, or claimed by an earlier line of this file, makes a
 * duplicate. Then the gross decides: paid, short or over.
 */
const MATCH_LINES = `WITH "their" AS (
    SELECT * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::timestamptz[])
      AS "t"("line_no", "terminal_id", "rrn", "scheme", "direction", "gross_minor", "fee_minor", "occurred_at")),
  "candidate" AS (
    SELECT DISTINCT ON ("t"."line_no") "t"."line_no", "s"."transaction_id", "s"."event", "s"."amount_minor",
      EXISTS (SELECT 1 FROM "acquirer_transfer_line" AS "p" WHERE "p"."our_transaction_id" = "s"."transaction_id" AND "p"."our_event" = "s"."event"
        AND "p"."outcome" IN (${PAID})) AS "already_paid"
    FROM "their" AS "t" JOIN "settlement_line" AS "s" ON "s"."acquirer_id" = $2 AND "s"."currency" = $11
      AND "s"."business_day" BETWEEN $12::date - ${MATCH_WINDOW_DAYS} AND $12::date AND ${sameLineSql('s', 't')}
    ORDER BY "t"."line_no", "already_paid", abs(extract(epoch FROM "s"."occurred_at" - "t"."occurred_at")), "s"."transaction_id", "s"."event"),
  "ranked" AS (SELECT *, row_number() OVER (PARTITION BY "transaction_id", "event" ORDER BY "line_no") AS "claim" FROM "candidate")
INSERT INTO "acquirer_transfer_line" ("transfer_id", "line_no", "terminal_id", "rrn", "scheme", "direction", "gross_minor", "fee_minor", "occurred_at",
    "outcome", "our_transaction_id", "our_event", "our_amount_minor")
SELECT $1::uuid, "t"."line_no", "t"."terminal_id", "t"."rrn", "t"."scheme", "t"."direction", "t"."gross_minor", "t"."fee_minor", "t"."occurred_at",
  CASE WHEN "c"."line_no" IS NULL THEN 'unknown' WHEN "c"."already_paid" OR "c"."claim" > 1 THEN 'duplicate'
    WHEN "t"."gross_minor" = "c"."amount_minor" THEN 'paid' WHEN "t"."gross_minor" < "c"."amount_minor" THEN 'short' ELSE 'over' END,
  "c"."transaction_id", "c"."event", "c"."amount_minor"
FROM "their" AS "t" LEFT JOIN "ranked" AS "c" ON "c"."line_no" = "t"."line_no"`;

const TRANSFER = `SELECT "id"::text AS "id", "acquirer_id", "transfer_reference", "value_date"::text AS "value_date", "currency",
    "amount_minor"::text AS "amount_minor", "gross_minor"::text AS "gross_minor", "fee_minor"::text AS "fee_minor", "line_count", "sha256",
    "file_name", "layout", "imported_at"
  FROM "acquirer_transfer" WHERE "id" = $1::uuid`;
const signed = (column: string) => `CASE WHEN "direction" = 'debit' THEN ${column} ELSE -${column} END`;
const TOTALS = `SELECT "outcome", count(*)::int AS "count", coalesce(sum(${signed('"our_amount_minor"')}), 0)::text AS "ours",
    sum(${signed('"gross_minor"')})::text AS "gross", sum("fee_minor")::text AS "fee"
  FROM "acquirer_transfer_line" WHERE "transfer_id" = $1::uuid GROUP BY "outcome" ORDER BY "outcome"`;
const BREAKS = `SELECT "line_no", "outcome", "terminal_id", "rrn", "direction", "our_transaction_id"::text AS "our_transaction_id", "our_event",
    "our_amount_minor"::text AS "our_amount_minor", "gross_minor"::text AS "gross_minor", "fee_minor"::text AS "fee_minor"
  FROM "acquirer_transfer_line" WHERE "transfer_id" = $1::uuid AND "outcome" <> 'paid' ORDER BY "line_no" LIMIT ${BREAKS_SHOWN}`;
/**
 * The booked credits (not reversals) whose reference is the transfer's: from the account
 * statements (camt.053, MT940), or from the notifications (camt.054) when no statement has one
 * yet, never both, as a notification and the statement show the same credit.
 */
const CREDITS = `WITH "credit" AS (
    SELECT "e"."amount_minor", "e"."currency", "e"."statement_id", "s"."format" = 'camt054' AS "notified"
    FROM "bank_statement_entry" AS "e" JOIN "bank_statement" AS "s" ON "s"."id" = "e"."statement_id"
    WHERE "e"."reference" = $1 AND "e"."direction" = 'credit' AND "e"."status" = 'booked' AND NOT "e"."reversal"),
  "chosen" AS (SELECT * FROM "credit" WHERE "notified" = NOT EXISTS (SELECT 1 FROM "credit" WHERE NOT "notified"))
  SELECT count(*)::int AS "count", coalesce(sum("amount_minor") FILTER (WHERE "currency" = $2), 0)::text AS "amount",
    coalesce(bool_or("currency" <> $2), false) AS "other_currency",
    coalesce(array_agg(DISTINCT "statement_id"::text) FILTER (WHERE "statement_id" IS NOT NULL), '{}') AS "statement_ids"
  FROM "chosen"`;

const OUTBOX = (channel: string) => `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
  VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${channel}', '') FROM "written"`;

export interface TransferImportRequest {
  readonly file: AcquirerTransferFile;
  readonly acquirerId: string;
  readonly fileName: string | null;
  readonly layout: string;
}

export type TransferImportResult = { readonly record: AcquirerTransferRecord; readonly created: boolean };

/** The only code that writes the imported transfers and their lines (plain SQL, PostgreSQL and PGlite alike). */
@Injectable()
export class AcquirerTransferRepository {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  /**
   * One transaction, the acquirer's imports taking turns: the same bytes again answer the earlier
   * import (`created: false`); another file for the same transfer reference throws
   * TransferAlreadyImportedError naming it, writing nothing; otherwise the transfer, its lines
   * matched against our lines in one statement, and `settlement.transfer.imported.v1` in the outbox.
   */
  async import({ file, acquirerId, fileName, layout }: TransferImportRequest): Promise<TransferImportResult> {
    const id = randomUUID();
    const { lines } = file;
    const result = await this.db.transaction(async (tx): Promise<{ id: string; created: boolean }> => {
      await tx.query(SERIALIZE_ACQUIRER, [acquirerId]);
      const [same] = await tx.query<{ id: string }>(BY_SHA, [acquirerId, file.sha256]);
      if (same) return { id: same.id, created: false };
      const [earlier] = await tx.query<{ id: string }>(BY_REFERENCE, [acquirerId, file.transferReference]);
      if (earlier) throw new TransferAlreadyImportedError(earlier.id);
      await tx.execute(INSERT_TRANSFER, [
        id,
        acquirerId,
        file.transferReference,
        file.valueDate,
        file.currency,
        file.amountMinor.toString(),
        file.grossMinor.toString(),
        file.feeMinor.toString(),
        lines.length,
        file.sha256,
        fileName,
        layout,
      ]);
      const column = <T>(of: (line: (typeof lines)[number]) => T): T[] => lines.map(of);
      await tx.execute(MATCH_LINES, [
        id,
        acquirerId,
        column((l) => l.lineNo),
        column((l) => l.terminalId),
        column((l) => l.rrn),
        column((l) => l.scheme),
        column((l) => l.direction),
        column((l) => l.amountMinor.toString()),
        column((l) => l.feeMinor.toString()),
        column((l) => l.occurredAt.toISOString()),
        file.currency,
        file.valueDate,
      ]);
      const record = await this.read(tx, id);
      if (!record) throw new Error(`acquirer transfer ${id}: not found in the transaction that wrote it`);
      const row = this.outbox.row(settlementTransferImportedV1, importedEventOf(record), { key: acquirerId });
      await tx.query(OUTBOX(row.channel), [row.id, row.topic, row.key, row.payload, row.headers]);
      return { id, created: true };
    });
    const record = await this.findById(result.id);
    if (!record) throw new Error(`acquirer transfer ${result.id}: not found after its import`);
    return { record, created: result.created };
  }

  async findById(id: string): Promise<AcquirerTransferRecord | undefined> {
    return this.read(this.db, id);
  }

  private async read(runner: SqlQueryRunner, id: string): Promise<AcquirerTransferRecord | undefined> {
    const [row] = await runner.query<Record<string, string>>(TRANSFER, [id]);
    if (!row) return undefined;
    const totals = (await runner.query<Record<string, string>>(TOTALS, [id])).map((t): TransferOutcomeTotal => ({
      outcome: t.outcome as TransferOutcomeTotal['outcome'],
      count: Number(t.count),
      ourAmountMinor: BigInt(t.ours),
      theirGrossMinor: BigInt(t.gross),
      theirFeeMinor: BigInt(t.fee),
    }));
    const breaks = (await runner.query<Record<string, string | null>>(BREAKS, [id])).map(breakOf);
    const [credits] = await runner.query<{ count: number; amount: string; other_currency: boolean; statement_ids: string[] }>(CREDITS, [
      row.transfer_reference,
      row.currency.trim(),
    ]);
    return {
      id: row.id,
      acquirerId: row.acquirer_id,
      transferReference: row.transfer_reference,
      valueDate: row.value_date,
      currency: row.currency.trim(),
      amountMinor: BigInt(row.amount_minor),
      grossMinor: BigInt(row.gross_minor),
      feeMinor: BigInt(row.fee_minor),
      lineCount: Number(row.line_count),
      sha256: row.sha256,
      fileName: row.file_name,
      layout: row.layout,
      importedAt: new Date(row.imported_at),
      breakCount: totals.filter((t) => t.outcome !== 'paid').reduce((sum, t) => sum + t.count, 0),
      totals,
      breaks,
      credits: {
        count: Number(credits.count),
        amountMinor: BigInt(credits.amount),
        otherCurrency: credits.other_currency,
        statementIds: credits.statement_ids,
      },
    };
  }
}

const bigintOrNull = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

function breakOf(row: Record<string, string | null>): TransferBreak {
  const ourAmountMinor = bigintOrNull(row.our_amount_minor);
  const theirGrossMinor = BigInt(row.gross_minor as string);
  return {
    lineNo: Number(row.line_no),
    outcome: row.outcome as TransferBreak['outcome'],
    terminalId: row.terminal_id as string,
    rrn: row.rrn as string,
    direction: row.direction as TransferBreak['direction'],
    ourTransactionId: row.our_transaction_id,
    ourEvent: row.our_event,
    ourAmountMinor,
    theirGrossMinor,
    theirFeeMinor: BigInt(row.fee_minor as string),
    differenceMinor: ourAmountMinor === null ? null : ourAmountMinor - theirGrossMinor,
  };
}

function importedEventOf(record: AcquirerTransferRecord) {
  return {
    transferId: record.id,
    acquirerId: record.acquirerId,
    transferReference: record.transferReference,
    valueDate: record.valueDate,
    currency: record.currency,
    amountMinor: record.amountMinor.toString(),
    lineCount: record.lineCount,
    breakCount: record.breakCount,
    totals: record.totals.map(amountsAsText),
  };
}
