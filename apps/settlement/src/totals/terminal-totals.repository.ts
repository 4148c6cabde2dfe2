import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { columnsOf, distinctIncrements, TotalIncrement } from './terminal-totals.increments';

export interface TerminalDayTotal {
  businessDay: string;
  terminalId: string;
  currency: string;
  count: number;
  amountMinor: bigint;
}

/**
 * One statement for a whole batch of events (on PostgreSQL and PGlite alike, following search_path):
 * the batch's messages go into the inbox, and only those whose inbox row is new are summed per
 * (business day, terminal, currency) and upserted into the totals. A message counted before
 * conflicts in the inbox and changes nothing; a concurrent duplicate waits on the inbox key, then
 * conflicts. Rows are written in key order, so two batches touching the same totals queue up
 * instead of deadlocking, and the upsert is atomic, so no increment is lost.
 */
const COUNT_ONCE = `WITH "incoming" AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[], $7::bigint[])
      AS "t"("message_id", "consumer", "business_day", "terminal_id", "currency", "count", "amount_minor")),
  "recorded" AS (
    INSERT INTO "inbox_message" ("message_id", "consumer")
    SELECT "message_id", "consumer" FROM "incoming" ORDER BY "message_id", "consumer"
    ON CONFLICT DO NOTHING RETURNING "message_id", "consumer"),
  "counted" AS (
    INSERT INTO "terminal_day_total" ("business_day", "terminal_id", "currency", "count", "amount_minor")
    SELECT "i"."business_day", "i"."terminal_id", "i"."currency", sum("i"."count")::int, sum("i"."amount_minor")::bigint
    FROM "incoming" AS "i" JOIN "recorded" USING ("message_id", "consumer")
    GROUP BY "i"."business_day", "i"."terminal_id", "i"."currency"
    ORDER BY "i"."business_day", "i"."terminal_id", "i"."currency"
    ON CONFLICT ("business_day", "terminal_id", "currency")
    DO UPDATE SET "count" = "terminal_day_total"."count" + EXCLUDED."count", "amount_minor" = "terminal_day_total"."amount_minor" + EXCLUDED."amount_minor", "updated_at" = now()
    RETURNING 1)
  SELECT count(*)::int AS "counted" FROM "recorded"`;

const LIST = `SELECT "terminal_id", "currency", "count", "amount_minor"::text AS "amount_minor" FROM "terminal_day_total"
  WHERE "business_day" = $1::date AND ($2::text IS NULL OR "terminal_id" = $2) ORDER BY "terminal_id", "currency"`;

interface TotalRow extends Record<string, unknown> {
  readonly terminal_id: string;
  readonly currency: string;
  readonly count: number;
  readonly amount_minor: string;
}

@Injectable()
export class TerminalTotalsRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  /**
   * Counts a batch of increments in, each message once however often it is delivered (a message
   * twice in the batch counts once). A reversal's increment is negative, and may come before its
   * approval's (another topic): the sum is right either way. Returns how many were counted now.
   */
  async count(increments: readonly TotalIncrement[]): Promise<number> {
    const unique = distinctIncrements(increments);
    if (unique.length === 0) return 0;
    const missing = unique.find((i) => !i.messageId);
    if (missing) throw new Error(`inbox of ${missing.consumer}: messageId is empty (message without a message-id header?)`);
    const [row] = await this.db.query<{ counted: number }>(COUNT_ONCE, columnsOf(unique));
    return Number(row.counted);
  }

  async list(businessDay: string, terminalId?: string): Promise<TerminalDayTotal[]> {
    const rows = await this.db.query<TotalRow>(LIST, [businessDay, terminalId ?? null]);
    return rows.map((r) => ({ businessDay, terminalId: r.terminal_id, currency: r.currency, count: Number(r.count), amountMinor: BigInt(r.amount_minor) }));
  }
}
