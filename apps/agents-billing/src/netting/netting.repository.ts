import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf } from '../database/sql-values';
import { type Settlement, settlementTransferIdOf } from './settlement';
import type { MovementTotal } from './statement';

/** Transfers that moved posted balances (a pending reservation, its void or expiry move none). */
const POSTED = `t."type" IN ('posted', 'post')`;

/** An account's posted totals in [start, end) per side and kind of the account on the other side. */
const MOVEMENT_TOTALS = `SELECT "side", o."kind", SUM(m."amount")::text AS "amount" FROM (
    SELECT 'debit' AS "side", t."credit_account_id" AS "other", t."amount" FROM "ledger_transfer" t
      WHERE t."debit_account_id" = $1::uuid AND t."created_at" >= $2::timestamptz AND t."created_at" < $3::timestamptz AND ${POSTED}
    UNION ALL
    SELECT 'credit', t."debit_account_id", t."amount" FROM "ledger_transfer" t
      WHERE t."credit_account_id" = $1::uuid AND t."created_at" >= $2::timestamptz AND t."created_at" < $3::timestamptz AND ${POSTED}
  ) m JOIN "ledger_account_balance" o ON o."id" = m."other" GROUP BY "side", o."kind" ORDER BY "side", o."kind"`;

/** Per child: what its parent funded it and what it earned in commissions in [start, end); only children with either. */
const DAY_NETTING = `SELECT "child_id", "parent_id", "currency", "fundings"::text AS "fundings", "commissions"::text AS "commissions" FROM (
    SELECT c."id"::text AS "child_id", c."parent_id"::text AS "parent_id", c."currency",
      (SELECT COALESCE(SUM(t."amount"), 0) FROM "ledger_transfer" t
        WHERE t."credit_account_id" = c."ledger_account_id" AND t."debit_account_id" = p."ledger_account_id"
          AND t."created_at" >= $1::timestamptz AND t."created_at" < $2::timestamptz AND ${POSTED})::bigint AS "fundings",
      (SELECT COALESCE(SUM(t."amount"), 0) FROM "ledger_transfer" t JOIN "ledger_account_balance" e ON e."id" = t."debit_account_id" AND e."kind" = 'commission_expense'
        WHERE t."credit_account_id" = c."commission_account_id"
          AND t."created_at" >= $1::timestamptz AND t."created_at" < $2::timestamptz AND ${POSTED})::bigint AS "commissions"
    FROM "agent_node" c JOIN "agent_node" p ON p."id" = c."parent_id"
  ) d WHERE d."fundings" > 0 OR d."commissions" > 0 ORDER BY "child_id"`;

const SETTLEMENT_COLUMNS = `"child_id"::text AS "child_id", "parent_id"::text AS "parent_id", "day"::text AS "day", "currency",
  "fundings"::text AS "fundings", "commissions"::text AS "commissions", "transfer_id"::text AS "transfer_id", "status", "settled_at"`;

function settlementOf(row: SqlRow): Settlement {
  const fundings = BigInt(row.fundings as string);
  const commissions = BigInt(row.commissions as string);
  return {
    childId: String(row.child_id),
    parentId: String(row.parent_id),
    day: String(row.day),
    currency: String(row.currency),
    fundings,
    commissions,
    netDue: fundings - commissions,
    transferId: (row.transfer_id as string | null) ?? null,
    status: row.status as Settlement['status'],
    settledAt: row.settled_at === null ? null : dateOf(row.settled_at),
  };
}

/** The netting's rows (agent_settlement, agent_netting_day) and its reads of the ledger's transfers. */
@Injectable()
export class NettingRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  async movementTotals(accountId: string, start: Date, end: Date): Promise<MovementTotal[]> {
    const rows = await this.db.query(MOVEMENT_TOTALS, [accountId, start.toISOString(), end.toISOString()]);
    return rows.map((r) => ({ side: r.side as MovementTotal['side'], counterpartyKind: String(r.kind), amount: BigInt(r.amount as string) }));
  }

  /**
   * Decides the day's settlements from its transfers (a closed day: they no longer change) and
   * writes the ones not written yet; returns every settlement of the day as stored.
   */
  async decideDay(day: string, start: Date, end: Date, now: Date): Promise<Settlement[]> {
    const rows = await this.db.query(DAY_NETTING, [start.toISOString(), end.toISOString()]);
    if (rows.length > 0) {
      await this.db.execute(
        `INSERT INTO "agent_settlement" ("child_id", "day", "parent_id", "currency", "fundings", "commissions", "transfer_id", "status", "decided_at", "settled_at")
         SELECT "child", $1::date, "parent", "currency", "fundings", "commissions", CASE WHEN "commissions" = 0 THEN NULL ELSE "transfer" END,
           CASE WHEN "commissions" = 0 THEN 'settled' ELSE 'decided' END, $2::timestamptz, CASE WHEN "commissions" = 0 THEN $2::timestamptz END
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[], $8::uuid[]) AS d("child", "parent", "currency", "fundings", "commissions", "transfer")
         ON CONFLICT ("child_id", "day") DO NOTHING`,
        [
          day,
          now.toISOString(),
          rows.map((r) => r.child_id),
          rows.map((r) => r.parent_id),
          rows.map((r) => r.currency),
          rows.map((r) => String(r.fundings)),
          rows.map((r) => String(r.commissions)),
          rows.map((r) => settlementTransferIdOf(String(r.child_id), day)),
        ],
      );
    }
    return this.ofDay(day);
  }

  async ofDay(day: string): Promise<Settlement[]> {
    const rows = await this.db.query(`SELECT ${SETTLEMENT_COLUMNS} FROM "agent_settlement" WHERE "day" = $1::date ORDER BY "parent_id", "child_id"`, [day]);
    return rows.map(settlementOf);
  }

  /** The settlements a node took part in, as the child or as the parent, from `from` to `to` inclusive. */
  async ofNode(nodeId: string, from: string, to: string): Promise<Settlement[]> {
    const rows = await this.db.query(
      `SELECT ${SETTLEMENT_COLUMNS} FROM "agent_settlement" WHERE ("child_id" = $1::uuid OR "parent_id" = $1::uuid) AND "day" BETWEEN $2::date AND $3::date
       ORDER BY "day", "parent_id", "child_id"`,
      [nodeId, from, to],
    );
    return rows.map(settlementOf);
  }

  /** Marks a decided settlement settled (its transfer posted); false when it already was. */
  async markSettled(tx: SqlQueryRunner, childId: string, day: string, at: Date): Promise<boolean> {
    const changed = await tx.query(
      `UPDATE "agent_settlement" SET "status" = 'settled', "settled_at" = $3::timestamptz WHERE "child_id" = $1::uuid AND "day" = $2::date AND "status" = 'decided' RETURNING 1`,
      [childId, day, at.toISOString()],
    );
    return changed.length === 1;
  }

  /** The day the pass nets next: the one after the last netted, else the day of the ledger's first transfer; undefined before any. */
  async nextDayToNet(): Promise<string | undefined> {
    const [row] = await this.db.query(
      `SELECT COALESCE((SELECT ("day" + 1)::text FROM "agent_netting_day" ORDER BY "day" DESC LIMIT 1),
         (SELECT (MIN("created_at") AT TIME ZONE 'UTC')::date::text FROM "ledger_transfer")) AS "day"`,
    );
    return (row?.day as string | null | undefined) ?? undefined;
  }

  async markDayNetted(day: string, settlements: number, at: Date): Promise<void> {
    await this.db.execute(
      `INSERT INTO "agent_netting_day" ("day", "settlements", "netted_at") VALUES ($1::date, $2, $3::timestamptz) ON CONFLICT ("day") DO NOTHING`,
      [day, settlements, at.toISOString()],
    );
  }
}
