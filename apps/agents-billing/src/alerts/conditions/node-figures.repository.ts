import { Inject, Injectable } from '@nestjs/common';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../../database/agents-billing-db.provider';
import { optionalBigInt } from '../../database/sql-values';
import { ANCESTRY_CTE, pathOf } from '../rules/node-ancestry';
import type { NodeFigures } from './node-figures';

const positive = (value: bigint): bigint => (value > 0n ? value : 0n);

/** The figures the balance pass decides on, read set-based: the only code of alerts/ that reads the nodes' ledger accounts. */
@Injectable()
export class NodeFiguresRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /**
   * One page of nodes by id (after `after`), each joined with its ledger account, its ancestry and
   * its payments of `businessDay` (reserved or posted), in one statement.
   */
  async page(businessDay: string, after: string | null, limit: number): Promise<NodeFigures[]> {
    const rows = await this.db.query(
      `WITH RECURSIVE seed AS (
         SELECT "id" FROM "agent_node" WHERE $2::uuid IS NULL OR "id" > $2::uuid ORDER BY "id" LIMIT $3
       ), ${ANCESTRY_CTE}, day AS (
         SELECT "node_id", sum("amount") AS "used" FROM "agent_payment"
         WHERE "business_day" = $1::date AND "node_id" IN (SELECT "id" FROM seed) GROUP BY "node_id"
       )
       SELECT n."id", n."name", n."level", n."currency", a."path_text", n."daily_limit"::text AS "daily_limit",
         (b."credits_posted" - b."debits_posted" - b."debits_pending")::text AS "net", b."credit_limit"::text AS "credit_limit",
         COALESCE(d."used", 0)::text AS "daily_used"
       FROM seed s JOIN "agent_node" n ON n."id" = s."id" JOIN ancestry a ON a."node_id" = n."id"
         JOIN "ledger_account_balance" b ON b."id" = n."ledger_account_id" LEFT JOIN day d ON d."node_id" = n."id"
       ORDER BY n."id"`,
      [businessDay, after, limit],
    );
    return rows.map((row) => {
      const net = BigInt(row.net as string);
      const creditLimit = BigInt(row.credit_limit as string);
      return {
        nodeId: String(row.id),
        name: String(row.name),
        level: String(row.level),
        currency: String(row.currency),
        path: pathOf(row.path_text),
        available: positive(net + creditLimit),
        creditLimit,
        creditUsed: positive(-net),
        dailyLimit: optionalBigInt(row.daily_limit),
        dailyUsed: BigInt(row.daily_used as string),
      };
    });
  }

  /** The ancestry of these nodes (dealer first), by node id. */
  async paths(nodeIds: readonly string[]): Promise<Map<string, string[]>> {
    if (nodeIds.length === 0) return new Map();
    const rows = await this.db.query(
      `WITH RECURSIVE seed AS (SELECT DISTINCT jsonb_array_elements_text($1::jsonb)::uuid AS "id"), ${ANCESTRY_CTE}
       SELECT "node_id", "path_text" FROM ancestry`,
      [JSON.stringify(nodeIds)],
    );
    return new Map(rows.map((row) => [String(row.node_id), pathOf(row.path_text)]));
  }
}
