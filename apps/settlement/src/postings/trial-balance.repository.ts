import { Inject, Injectable } from '@nestjs/common';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import { AccountMovement } from './trial-balance';

export interface TrialBalanceFilter {
  readonly from: string;
  readonly to: string;
  readonly acquirerId?: string;
  readonly currency?: string;
}

/** Every account with an entry up to `to`: its balance before `from`, and its debits and credits from `from` to `to`. */
const MOVEMENTS = `SELECT "account", "currency",
    coalesce(sum(CASE WHEN "side" = 'debit' THEN "amount_minor" ELSE -"amount_minor" END) FILTER (WHERE "business_day" < $1::date), 0)::text AS "opening_minor",
    coalesce(sum("amount_minor") FILTER (WHERE "side" = 'debit' AND "business_day" >= $1::date), 0)::text AS "debit_minor",
    coalesce(sum("amount_minor") FILTER (WHERE "side" = 'credit' AND "business_day" >= $1::date), 0)::text AS "credit_minor"
  FROM "settlement_posting_entry"
  WHERE "business_day" <= $2::date AND ($3::text IS NULL OR "acquirer_id" = $3) AND ($4::text IS NULL OR "currency" = $4)
  GROUP BY "account", "currency" ORDER BY "account", "currency"`;

@Injectable()
export class TrialBalanceRepository {
  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  async movements(filter: TrialBalanceFilter): Promise<AccountMovement[]> {
    const rows = await this.db.query<{ account: string; currency: string; opening_minor: string; debit_minor: string; credit_minor: string }>(MOVEMENTS, [
      filter.from,
      filter.to,
      filter.acquirerId ?? null,
      filter.currency ?? null,
    ]);
    return rows.map((r) => ({
      account: r.account,
      currency: r.currency,
      openingMinor: BigInt(r.opening_minor),
      debitMinor: BigInt(r.debit_minor),
      creditMinor: BigInt(r.credit_minor),
    }));
  }
}
