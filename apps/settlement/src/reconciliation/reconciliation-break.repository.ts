import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import type { BreakKind } from './reconciliation-match';

export type BreakStatus = 'open' | 'resolved' | 'replaced';

/** A stored break: both sides' values, and its resolution once an operator gave one. */
export interface StoredBreak {
  readonly id: string;
  readonly reportId: string;
  readonly acquirerId: string;
  readonly businessDay: string;
  readonly kind: BreakKind;
  readonly terminalId: string;
  readonly rrn: string | null;
  readonly direction: 'debit' | 'credit';
  readonly currency: string;
  readonly ourTransactionId: string | null;
  readonly ourEvent: string | null;
  readonly ourAmountMinor: bigint | null;
  readonly ourFeeMinor: bigint | null;
  readonly theirLineNo: number | null;
  readonly theirAmountMinor: bigint | null;
  readonly theirFeeMinor: bigint | null;
  readonly status: BreakStatus;
  readonly resolutionReason: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: Date | null;
}

export interface BreakFilter {
  readonly status?: BreakStatus;
  readonly acquirerId?: string;
  readonly businessDay?: string;
  readonly reportId?: string;
}

const COLUMNS = `"id"::text AS "id", "report_id"::text AS "report_id", "acquirer_id", "business_day"::text AS "business_day", "kind",
  "terminal_id", "rrn", "direction", "currency", "our_transaction_id"::text AS "our_transaction_id", "our_event", "our_amount_minor"::text AS "our_amount_minor",
  "our_fee_minor"::text AS "our_fee_minor", "their_line_no", "their_amount_minor"::text AS "their_amount_minor",
  "their_fee_minor"::text AS "their_fee_minor", "status", "resolution_reason", "resolved_by", "resolved_at"`;
const LIST = `SELECT ${COLUMNS} FROM "reconciliation_break"
  WHERE ($1::text IS NULL OR "status" = $1) AND ($2::text IS NULL OR "acquirer_id" = $2) AND ($3::date IS NULL OR "business_day" = $3::date)
    AND ($4::uuid IS NULL OR "report_id" = $4::uuid)
  ORDER BY "business_day" DESC, "acquirer_id", "created_at", "id" LIMIT $5`;
const OPEN_COUNTS = `SELECT "acquirer_id", "kind", count(*)::int AS "n" FROM "reconciliation_break" WHERE "status" = 'open' GROUP BY 1, 2`;
const FIND = `SELECT ${COLUMNS} FROM "reconciliation_break" WHERE "id" = $1::uuid`;
/** Only an open break is resolved: a second resolution (or one of a replaced report's break) changes nothing. */
const RESOLVE = `UPDATE "reconciliation_break" SET "status" = 'resolved', "resolution_reason" = $2, "resolved_by" = $3, "resolved_at" = $4::timestamptz
  WHERE "id" = $1::uuid AND "status" = 'open' RETURNING ${COLUMNS}`;

/** The only code that reads the breaks and changes their status (their creation is the import's, in its transaction). */
@Injectable()
export class ReconciliationBreakRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  async list(filter: BreakFilter, limit: number): Promise<StoredBreak[]> {
    const rows = await this.db.query(LIST, [filter.status ?? null, filter.acquirerId ?? null, filter.businessDay ?? null, filter.reportId ?? null, limit]);
    return rows.map(breakOf);
  }

  /** How many breaks are open, per acquirer and kind (what the alert watches). */
  async openCounts(): Promise<{ acquirerId: string; kind: BreakKind; count: number }[]> {
    const rows = await this.db.query(OPEN_COUNTS, []);
    return rows.map((row) => ({ acquirerId: row.acquirer_id as string, kind: row.kind as BreakKind, count: Number(row.n) }));
  }

  async findById(id: string): Promise<StoredBreak | undefined> {
    const [row] = await this.db.query(FIND, [id]);
    return row && breakOf(row);
  }

  /** The break resolved, or undefined when it was not open (already resolved, replaced, or unknown). */
  async resolve(id: string, resolution: { reason: string; resolvedBy: string; at: Date }): Promise<StoredBreak | undefined> {
    const [row] = await this.db.query(RESOLVE, [id, resolution.reason, resolution.resolvedBy, resolution.at.toISOString()]);
    return row && breakOf(row);
  }
}

const bigintOrNull = (value: unknown): bigint | null => (value === null ? null : BigInt(value as string));

function breakOf(row: Record<string, unknown>): StoredBreak {
  return {
    id: row.id as string,
    reportId: row.report_id as string,
    acquirerId: row.acquirer_id as string,
    businessDay: row.business_day as string,
    kind: row.kind as BreakKind,
    terminalId: row.terminal_id as string,
    rrn: row.rrn as string | null,
    direction: row.direction as StoredBreak['direction'],
    currency: row.currency as string,
    ourTransactionId: row.our_transaction_id as string | null,
    ourEvent: row.our_event as string | null,
    ourAmountMinor: bigintOrNull(row.our_amount_minor),
    ourFeeMinor: bigintOrNull(row.our_fee_minor),
    theirLineNo: row.their_line_no === null ? null : Number(row.their_line_no),
    theirAmountMinor: bigintOrNull(row.their_amount_minor),
    theirFeeMinor: bigintOrNull(row.their_fee_minor),
    status: row.status as BreakStatus,
    resolutionReason: row.resolution_reason as string | null,
    resolvedBy: row.resolved_by as string | null,
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at as string),
  };
}
