import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, optionalBigInt } from '../database/sql-values';
import type { AgentNode, NodeLevel, NodeLimits, NodeStatus } from './agent-node';

const COLUMNS = `"id"::text AS "id", "parent_id"::text AS "parent_id", "level", "name", "currency", "status",
  "credit_limit"::text AS "credit_limit", "payment_limit"::text AS "payment_limit", "daily_limit"::text AS "daily_limit",
  "ledger_account_id"::text AS "ledger_account_id", "commission_account_id"::text AS "commission_account_id", "created_at"`;

/** The node and its ancestors up to the root, in that order: one recursive statement. */
const ANCESTRY = `WITH RECURSIVE "line" AS (
    SELECT n.*, 0 AS "depth" FROM "agent_node" n WHERE n."id" = $1::uuid
    UNION ALL
    SELECT p.*, "line"."depth" + 1 FROM "agent_node" p JOIN "line" ON p."id" = "line"."parent_id"
  ) SELECT ${COLUMNS} FROM "line" ORDER BY "depth"`;

/** The node and every node below it, each after its parent (depth first by creation), with its depth below the node. */
const SUBTREE = `WITH RECURSIVE "below" AS (
    SELECT n.*, 0 AS "depth", ARRAY[n."created_at"::text || n."id"::text] AS "path" FROM "agent_node" n WHERE n."id" = $1::uuid
    UNION ALL
    SELECT c.*, "below"."depth" + 1, "below"."path" || (c."created_at"::text || c."id"::text) FROM "agent_node" c JOIN "below" ON c."parent_id" = "below"."id"
  ) SELECT ${COLUMNS}, "depth" FROM "below" ORDER BY "path" LIMIT $2`;

function nodeOf(row: SqlRow): AgentNode {
  return {
    id: String(row.id),
    parentId: row.parent_id === null ? null : (row.parent_id as string),
    level: row.level as NodeLevel,
    name: String(row.name),
    currency: String(row.currency),
    status: row.status as NodeStatus,
    creditLimit: BigInt(row.credit_limit as string),
    paymentLimit: optionalBigInt(row.payment_limit),
    dailyLimit: optionalBigInt(row.daily_limit),
    ledgerAccountId: String(row.ledger_account_id),
    commissionAccountId: String(row.commission_account_id),
    createdAt: dateOf(row.created_at),
  };
}

/** The tree's rows: the only code that touches agent_node. */
@Injectable()
export class AgentNodeRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Inserts the node; false when the id exists already (nothing written). */
  async insert(node: Omit<AgentNode, 'createdAt'>): Promise<boolean> {
    const inserted = await this.db.execute(
      `INSERT INTO "agent_node" ("id", "parent_id", "level", "name", "currency", "status", "credit_limit", "payment_limit", "daily_limit",
         "ledger_account_id", "commission_account_id")
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::bigint, $8::bigint, $9::bigint, $10::uuid, $11::uuid) ON CONFLICT ("id") DO NOTHING`,
      [
        node.id,
        node.parentId,
        node.level,
        node.name,
        node.currency,
        node.status,
        node.creditLimit.toString(),
        node.paymentLimit?.toString() ?? null,
        node.dailyLimit?.toString() ?? null,
        node.ledgerAccountId,
        node.commissionAccountId,
      ],
    );
    return inserted === 1;
  }

  async find(id: string): Promise<AgentNode | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "agent_node" WHERE "id" = $1::uuid`, [id]);
    return row && nodeOf(row);
  }

  /** The node first, then its parent, up to its dealer; empty when there is no such node. */
  async ancestry(id: string, runner: SqlQueryRunner = this.db): Promise<AgentNode[]> {
    return (await runner.query(ANCESTRY, [id])).map(nodeOf);
  }

  /** Takes the node's row lock until the transaction ends (the node's payments are reserved one at a time). */
  async lock(tx: SqlQueryRunner, id: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM "agent_node" WHERE "id" = $1::uuid FOR UPDATE`, [id])).length === 1;
  }

  /** The node's whole subtree in one recursive statement, each node after its parent; empty when there is no such node. */
  async subtree(id: string, limit: number): Promise<{ node: AgentNode; depth: number }[]> {
    return (await this.db.query(SUBTREE, [id, limit])).map((row) => ({ node: nodeOf(row), depth: Number(row.depth) }));
  }

  async children(parentId: string, limit: number): Promise<AgentNode[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM "agent_node" WHERE "parent_id" = $1::uuid ORDER BY "created_at", "id" LIMIT $2`, [
      parentId,
      limit,
    ]);
    return rows.map(nodeOf);
  }

  async setStatus(id: string, status: NodeStatus): Promise<AgentNode | undefined> {
    const [row] = await this.db.query(`UPDATE "agent_node" SET "status" = $2 WHERE "id" = $1::uuid RETURNING ${COLUMNS}`, [id, status]);
    return row && nodeOf(row);
  }

  /** Mirrors the limits on the row (the ledger holds the credit limit it enforces). */
  async setLimits(id: string, limits: NodeLimits): Promise<AgentNode | undefined> {
    const [row] = await this.db.query(
      `UPDATE "agent_node" SET "credit_limit" = $2::bigint, "payment_limit" = $3::bigint, "daily_limit" = $4::bigint WHERE "id" = $1::uuid RETURNING ${COLUMNS}`,
      [id, limits.creditLimit.toString(), limits.paymentLimit?.toString() ?? null, limits.dailyLimit?.toString() ?? null],
    );
    return row && nodeOf(row);
  }
}
