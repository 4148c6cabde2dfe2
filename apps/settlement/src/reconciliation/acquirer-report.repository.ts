import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { acquirerReportReconciledV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { amountsAsText } from '../http/amounts-as-text';
import type { AcquirerReport } from './acquirer-report';
import { AcquirerReportRecord, DayAlreadyReconciledError, ReconciliationKindTotal } from './acquirer-report-record';
import { ExpectedFee, OurLine, reconcile } from './reconciliation-match';

const CURRENT_FOR_DAY = `SELECT "id"::text AS "id", "sha256" FROM "acquirer_report"
  WHERE "acquirer_id" = $1 AND "business_day" = $2::date AND "status" = 'current' FOR UPDATE`;
const FIND_BY_SHA = `SELECT "id"::text AS "id" FROM "acquirer_report" WHERE "acquirer_id" = $1 AND "sha256" = $2`;
const FIND_CURRENT = `SELECT "id"::text AS "id" FROM "acquirer_report" WHERE "acquirer_id" = $1 AND "business_day" = $2::date AND "status" = 'current'`;
const REPLACE = `UPDATE "acquirer_report" SET "status" = 'replaced' WHERE "id" = $1::uuid`;
const REPLACE_BREAKS = `UPDATE "reconciliation_break" SET "status" = 'replaced' WHERE "report_id" = $1::uuid AND "status" = 'open'`;
const LINK_REPLACEMENT = `UPDATE "acquirer_report" SET "replaced_by" = $2::uuid WHERE "id" = $1::uuid`;
const OUR_LINES = `SELECT "transaction_id"::text AS "transaction_id", "event", "terminal_id", "rrn", "direction", "amount_minor"::text AS "amount_minor", "currency", "scheme"
  FROM "settlement_line" WHERE "acquirer_id" = $1 AND "business_day" = $2::date`;
const INSERT_REPORT = `INSERT INTO "acquirer_report" ("id", "acquirer_id", "business_day", "sha256", "file_name", "layout", "line_count")
  VALUES ($1::uuid, $2, $3::date, $4, $5, $6, $7)`;
const INSERT_LINES = `INSERT INTO "acquirer_report_line" ("report_id", "line_no", "terminal_id", "rrn", "scheme", "direction",
    "amount_minor", "currency", "fee_minor", "occurred_at", "matched_transaction_id", "matched_event")
  SELECT $1::uuid, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::bigint[],
    $10::timestamptz[], $11::uuid[], $12::text[])`;
const INSERT_BREAKS = `INSERT INTO "reconciliation_break" ("id", "report_id", "acquirer_id", "business_day", "kind", "terminal_id", "rrn", "direction",
    "currency", "our_transaction_id", "our_event", "our_amount_minor", "our_fee_minor", "their_line_no", "their_amount_minor", "their_fee_minor")
  SELECT gen_random_uuid(), $1::uuid, $2, $3::date, * FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::text[],
    $11::bigint[], $12::bigint[], $13::int[], $14::bigint[], $15::bigint[])`;
const REPORT = `SELECT "id"::text AS "id", "acquirer_id", "business_day"::text AS "business_day", "sha256", "file_name", "layout", "line_count",
    "status", "replaced_by"::text AS "replaced_by", "imported_at",
    (SELECT count(*)::int FROM "reconciliation_break" AS "b" WHERE "b"."report_id" = "r"."id") AS "break_count",
    (SELECT count(*)::int FROM "reconciliation_break" AS "b" WHERE "b"."report_id" = "r"."id" AND "b"."status" = 'open') AS "open_break_count"
  FROM "acquirer_report" AS "r" WHERE "id" = $1::uuid`;
/** Matched lines (paired, no break) and breaks, per kind and currency; amounts signed (a credit negative). */
const TOTALS = `WITH "kinds" AS (
    SELECT 'matched' AS "kind", "l"."currency", "l"."direction", "l"."amount_minor" AS "ours", "l"."amount_minor" AS "theirs", "l"."fee_minor" AS "fee"
    FROM "acquirer_report_line" AS "l" WHERE "l"."report_id" = $1::uuid AND "l"."matched_event" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "reconciliation_break" AS "b" WHERE "b"."report_id" = $1::uuid AND "b"."their_line_no" = "l"."line_no")
    UNION ALL
    SELECT "kind", "currency", "direction", coalesce("our_amount_minor", 0), coalesce("their_amount_minor", 0), coalesce("their_fee_minor", 0)
    FROM "reconciliation_break" WHERE "report_id" = $1::uuid)
  SELECT "kind", "currency", count(*)::int AS "count",
    sum(CASE WHEN "direction" = 'debit' THEN "ours" ELSE -"ours" END)::text AS "ours",
    sum(CASE WHEN "direction" = 'debit' THEN "theirs" ELSE -"theirs" END)::text AS "theirs", sum("fee")::text AS "fee"
  FROM "kinds" GROUP BY "kind", "currency" ORDER BY "kind", "currency"`;

/** The outbox row in the schema on the search path (as the close of day writes it), waking the relay on commit. */
const OUTBOX = (channel: string) => `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
  VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${channel}', '') FROM "written"`;

interface ReportRow extends Record<string, unknown> {
  readonly id: string;
  readonly acquirer_id: string;
  readonly business_day: string;
  readonly sha256: string;
  readonly file_name: string | null;
  readonly layout: string;
  readonly line_count: number;
  readonly status: 'current' | 'replaced';
  readonly replaced_by: string | null;
  readonly imported_at: Date | string;
  readonly break_count: number;
  readonly open_break_count: number;
}

interface ImportRequest {
  readonly report: AcquirerReport;
  readonly fileName: string | null;
  readonly layout: string;
  readonly replace: boolean;
  readonly expectedFee: ExpectedFee;
}

/** The only code that touches the imported reports, their lines and the breaks they create (plain SQL, PostgreSQL and PGlite alike). */
@Injectable()
export class AcquirerReportRepository {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  async findBySha256(acquirerId: string, sha256: string): Promise<string | undefined> {
    return (await this.db.query<{ id: string }>(FIND_BY_SHA, [acquirerId, sha256]))[0]?.id;
  }

  /** The day's current report, if any. */
  async findCurrent(acquirerId: string, businessDay: string): Promise<string | undefined> {
    return (await this.db.query<{ id: string }>(FIND_CURRENT, [acquirerId, businessDay]))[0]?.id;
  }

  /**
   * One transaction: the report and its lines, matched against our lines of the acquirer and day
   * (read once), the breaks, and `settlement.acquirer-report.reconciled.v1` in the outbox. Throws
   * DayAlreadyReconciledError, writing nothing, when the day has a current report and `replace`
   * was not asked; with it, that report and its open breaks become `replaced`. A concurrent import
   * of the same day that committed first makes this one fail on a unique key
   * (isUniqueViolation), writing nothing.
   */
  async reconcile({ report, fileName, layout, replace, expectedFee }: ImportRequest): Promise<AcquirerReportRecord> {
    const id = randomUUID();
    const { acquirerId, businessDay, lines } = report;
    return this.db.transaction(async (tx) => {
      const [earlier] = await tx.query<{ id: string }>(CURRENT_FOR_DAY, [acquirerId, businessDay]);
      if (earlier && !replace) throw new DayAlreadyReconciledError(earlier.id);
      if (earlier) {
        await tx.execute(REPLACE, [earlier.id]);
        await tx.execute(REPLACE_BREAKS, [earlier.id]);
      }
      const ours = (await tx.query<Record<string, string>>(OUR_LINES, [acquirerId, businessDay])).map(ourLineOf);
      const { pairs, breaks } = reconcile(ours, lines, expectedFee);
      await tx.execute(INSERT_REPORT, [id, acquirerId, businessDay, report.sha256, fileName, layout, lines.length]);
      if (earlier) await tx.execute(LINK_REPLACEMENT, [earlier.id, id]);
      const line = <T>(of: (l: (typeof lines)[number]) => T): T[] => lines.map(of);
      await tx.execute(INSERT_LINES, [
        id,
        line((l) => l.lineNo),
        line((l) => l.terminalId),
        line((l) => l.rrn),
        line((l) => l.scheme),
        line((l) => l.direction),
        line((l) => l.amountMinor.toString()),
        line((l) => l.currency),
        line((l) => l.feeMinor.toString()),
        line((l) => l.occurredAt.toISOString()),
        line((l) => pairs.get(l.lineNo)?.transactionId ?? null),
        line((l) => pairs.get(l.lineNo)?.event ?? null),
      ]);
      const column = <T>(of: (b: (typeof breaks)[number]) => T): T[] => breaks.map(of);
      const text = (value: bigint | null): string | null => value?.toString() ?? null;
      await tx.execute(INSERT_BREAKS, [
        id,
        acquirerId,
        businessDay,
        column((b) => b.kind),
        column((b) => b.terminalId),
        column((b) => b.rrn),
        column((b) => b.direction),
        column((b) => b.currency),
        column((b) => b.ourTransactionId),
        column((b) => b.ourEvent),
        column((b) => text(b.ourAmountMinor)),
        column((b) => text(b.ourFeeMinor)),
        column((b) => b.theirLineNo),
        column((b) => text(b.theirAmountMinor)),
        column((b) => text(b.theirFeeMinor)),
      ]);
      const record = await this.read(tx, id);
      if (!record) throw new Error(`acquirer report ${id}: not found in the transaction that wrote it`);
      const row = this.outbox.row(acquirerReportReconciledV1, reconciledEventOf(record), { key: acquirerId });
      await tx.query(OUTBOX(row.channel), [row.id, row.topic, row.key, row.payload, row.headers]);
      return record;
    });
  }

  async findById(id: string): Promise<AcquirerReportRecord | undefined> {
    return this.read(this.db, id);
  }

  private async read(runner: SqlQueryRunner, id: string): Promise<AcquirerReportRecord | undefined> {
    const [row] = await runner.query<ReportRow>(REPORT, [id]);
    if (!row) return undefined;
    const totals = await runner.query<Record<string, string>>(TOTALS, [id]);
    return {
      id: row.id,
      acquirerId: row.acquirer_id,
      businessDay: row.business_day,
      sha256: row.sha256,
      fileName: row.file_name,
      layout: row.layout,
      lineCount: Number(row.line_count),
      status: row.status,
      replacedBy: row.replaced_by,
      importedAt: new Date(row.imported_at),
      breakCount: Number(row.break_count),
      openBreakCount: Number(row.open_break_count),
      totals: totals.map((t): ReconciliationKindTotal => ({
        kind: t.kind as ReconciliationKindTotal['kind'],
        currency: t.currency,
        count: Number(t.count),
        ourAmountMinor: BigInt(t.ours),
        theirAmountMinor: BigInt(t.theirs),
        theirFeeMinor: BigInt(t.fee),
      })),
    };
  }
}

function ourLineOf(row: Record<string, string>): OurLine {
  return {
    transactionId: row.transaction_id,
    event: row.event as OurLine['event'],
    terminalId: row.terminal_id,
    rrn: row.rrn,
    direction: row.direction as OurLine['direction'],
    amountMinor: BigInt(row.amount_minor),
    currency: row.currency,
    scheme: row.scheme,
  };
}

function reconciledEventOf(record: AcquirerReportRecord) {
  return {
    reportId: record.id,
    acquirerId: record.acquirerId,
    businessDay: record.businessDay,
    lineCount: record.lineCount,
    breakCount: record.breakCount,
    totals: record.totals.map(amountsAsText),
  };
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), as both drivers report it. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';
