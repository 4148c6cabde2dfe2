import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';

export interface TerminalDayTotal {
  businessDay: string;
  terminalId: string;
  currency: string;
  count: number;
  amountMinor: bigint;
}

/** Which delivery of which message changes a total: the inbox keeps it from counting twice. */
export interface CountedMessage {
  readonly messageId: string;
  readonly consumer: string;
}

/**
 * One statement per event: the message goes into the inbox, and the total is upserted only if
 * that insert happened. A redelivered message conflicts in the inbox and changes nothing; a
 * concurrent duplicate waits on the inbox key, then conflicts. The upsert is atomic, so
 * concurrent events for one terminal never lose an increment.
 */
const COUNT_ONCE = `WITH "recorded" AS (
    INSERT INTO "settlement"."inbox_message" ("message_id", "consumer") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
  INSERT INTO "settlement"."terminal_day_total" ("business_day", "terminal_id", "currency", "count", "amount_minor")
  SELECT $3::date, $4, $5, $6::int, $7::bigint FROM "recorded"
  ON CONFLICT ("business_day", "terminal_id", "currency")
  DO UPDATE SET "count" = "terminal_day_total"."count" + EXCLUDED."count", "amount_minor" = "terminal_day_total"."amount_minor" + EXCLUDED."amount_minor", "updated_at" = now()
  RETURNING 1 AS "counted"`;

const LIST = `SELECT "terminal_id", "currency", "count", "amount_minor"::text AS "amount_minor" FROM "settlement"."terminal_day_total"
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

  /** Counts one operation in, once per message. Returns false when the message was counted before. */
  add(message: CountedMessage, businessDay: string, terminalId: string, currency: string, amountMinor: bigint): Promise<boolean> {
    return this.change(message, businessDay, terminalId, currency, 1, amountMinor);
  }

  /**
   * Takes a counted operation back out (it was reversed), once per message: `amountMinor` is what
   * `add` was given. Its events come on another topic, so this may run first; the sum is right either way.
   */
  takeBack(message: CountedMessage, businessDay: string, terminalId: string, currency: string, amountMinor: bigint): Promise<boolean> {
    return this.change(message, businessDay, terminalId, currency, -1, -amountMinor);
  }

  private async change(
    message: CountedMessage,
    businessDay: string,
    terminalId: string,
    currency: string,
    count: number,
    amountMinor: bigint,
  ): Promise<boolean> {
    if (!message.messageId) throw new Error(`inbox of ${message.consumer}: messageId is empty (message without a message-id header?)`);
    const counted = await this.db.query(COUNT_ONCE, [message.messageId, message.consumer, businessDay, terminalId, currency, count, amountMinor.toString()]);
    return counted.length === 1;
  }

  async list(businessDay: string, terminalId?: string): Promise<TerminalDayTotal[]> {
    const rows = await this.db.query<TotalRow>(LIST, [businessDay, terminalId ?? null]);
    return rows.map((r) => ({ businessDay, terminalId: r.terminal_id, currency: r.currency, count: Number(r.count), amountMinor: BigInt(r.amount_minor) }));
  }
}
