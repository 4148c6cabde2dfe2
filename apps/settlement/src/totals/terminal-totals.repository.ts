import { Inject, Injectable } from '@nestjs/common';

import type { SqlExecutor } from '@payments/persistence';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';

export interface TerminalDayTotal {
  businessDay: string;
  terminalId: string;
  currency: string;
  count: number;
  amountMinor: bigint;
}

@Injectable()
export class TerminalTotalsRepository {
  constructor(@Inject(SETTLEMENT_DB) readonly db: SettlementDb) {}

  /** Counts one operation in: one atomic upsert, so concurrent events for one terminal never lose an increment. */
  add(tx: SqlExecutor, businessDay: string, terminalId: string, currency: string, amountMinor: bigint): Promise<void> {
    return this.change(tx, businessDay, terminalId, currency, 1, amountMinor);
  }

  /**
   * Takes a counted operation back out (it was reversed): `amountMinor` is what `add` was given.
   * Its events come on another topic, so this may run first; the sum is right either way.
   */
  takeBack(tx: SqlExecutor, businessDay: string, terminalId: string, currency: string, amountMinor: bigint): Promise<void> {
    return this.change(tx, businessDay, terminalId, currency, -1, -amountMinor);
  }

  private async change(tx: SqlExecutor, businessDay: string, terminalId: string, currency: string, count: number, amountMinor: bigint): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO "settlement"."terminal_day_total" ("business_day", "terminal_id", "currency", "count", "amount_minor")
       VALUES ($1::date, $2, $3, $4::int, $5::bigint)
       ON CONFLICT ("business_day", "terminal_id", "currency")
       DO UPDATE SET "count" = "terminal_day_total"."count" + EXCLUDED."count", "amount_minor" = "terminal_day_total"."amount_minor" + EXCLUDED."amount_minor", "updated_at" = now()`,
      businessDay,
      terminalId,
      currency,
      String(count),
      amountMinor.toString(),
    );
  }

  async list(businessDay: string, terminalId?: string): Promise<TerminalDayTotal[]> {
    const rows = await this.db.terminalDayTotal.findMany({
      where: { businessDay: new Date(`${businessDay}T00:00:00Z`), ...(terminalId ? { terminalId } : {}) },
      orderBy: [{ terminalId: 'asc' }, { currency: 'asc' }],
    });
    return rows.map((r) => ({ businessDay, terminalId: r.terminalId, currency: r.currency, count: r.count, amountMinor: r.amountMinor }));
  }
}
