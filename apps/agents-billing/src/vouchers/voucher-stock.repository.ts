import { Inject, Injectable } from '@nestjs/common';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import type { StockKey, StockLevel } from './voucher';

const KEY_COLUMNS = `"provider_id", "denomination"::text AS "denomination", "currency"`;

/**
 * Stock per provider, denomination and currency, counted from the vouchers' rows (one grouped
 * query on the stock index), with the operators' low-stock thresholds (data, one per stock).
 */
@Injectable()
export class VoucherStockRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Every stock (or one provider's, or one stock), with its threshold; a threshold set for a stock with no voucher shows too. */
  async levels(now: Date, filter: { providerId?: string; key?: StockKey } = {}): Promise<StockLevel[]> {
    const key = filter.key;
    const rows = await this.db.query(
      `WITH "counts" AS (
         SELECT "provider_id", "denomination", "currency",
           count(*) FILTER (WHERE "status" = 'available' AND ("expires_at" IS NULL OR "expires_at" > $1))::int AS "available",
           count(*) FILTER (WHERE "status" = 'available' AND "expires_at" <= $1)::int AS "expired",
           count(*) FILTER (WHERE "status" = 'sold')::int AS "sold",
           count(*) FILTER (WHERE "status" = 'returned')::int AS "returned",
           count(*) FILTER (WHERE "status" = 'blocked')::int AS "blocked"
         FROM "voucher"
         WHERE ($2::text IS NULL OR "provider_id" = $2) AND ($3::bigint IS NULL OR ("denomination" = $3 AND "currency" = $4))
         GROUP BY "provider_id", "denomination", "currency")
       SELECT ${KEY_COLUMNS}, coalesce(c."available", 0) AS "available", coalesce(c."expired", 0) AS "expired", coalesce(c."sold", 0) AS "sold",
         coalesce(c."returned", 0) AS "returned", coalesce(c."blocked", 0) AS "blocked", t."minimum_available"
       FROM "counts" c FULL JOIN (
         SELECT * FROM "voucher_stock_threshold"
         WHERE ($2::text IS NULL OR "provider_id" = $2) AND ($3::bigint IS NULL OR ("denomination" = $3 AND "currency" = $4))
       ) t USING ("provider_id", "denomination", "currency")
       ORDER BY "provider_id", "currency", "denomination" LIMIT 1000`,
      [now, filter.providerId ?? key?.providerId ?? null, key ? key.denomination.toString() : null, key?.currency ?? null],
    );
    return rows.map((row) => ({
      providerId: String(row.provider_id),
      denomination: BigInt(row.denomination as string),
      currency: String(row.currency),
      available: Number(row.available),
      expired: Number(row.expired),
      sold: Number(row.sold),
      returned: Number(row.returned),
      blocked: Number(row.blocked),
      minimumAvailable: row.minimum_available === null || row.minimum_available === undefined ? null : Number(row.minimum_available),
    }));
  }

  async setThreshold(key: StockKey, minimumAvailable: number, now: Date): Promise<void> {
    await this.db.execute(
      `INSERT INTO "voucher_stock_threshold" ("provider_id", "denomination", "currency", "minimum_available", "updated_at") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("provider_id", "denomination", "currency") DO UPDATE SET "minimum_available" = EXCLUDED."minimum_available", "updated_at" = EXCLUDED."updated_at"`,
      [key.providerId, key.denomination.toString(), key.currency, minimumAvailable, now],
    );
  }
}
