import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf } from '../database/sql-values';
import type { AgentTerminal, TerminalStatus } from './agent-terminal';

const COLUMNS = `"id", "node_id"::text AS "node_id", "public_key", "status", "created_at", "blocked_at"`;

function terminalOf(row: SqlRow): AgentTerminal {
  return {
    id: String(row.id),
    nodeId: String(row.node_id),
    publicKey: String(row.public_key),
    status: row.status as TerminalStatus,
    createdAt: dateOf(row.created_at),
    blockedAt: row.blocked_at === null ? null : dateOf(row.blocked_at),
  };
}

/** The agents' terminals and the nonces of their signed requests: the only code that touches those tables. */
@Injectable()
export class AgentTerminalRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Registers the terminal; `created` false when the id was taken before (the row as it is then). */
  async register(terminal: Pick<AgentTerminal, 'id' | 'nodeId' | 'publicKey'>): Promise<{ terminal: AgentTerminal; created: boolean }> {
    const [inserted] = await this.db.query(
      `INSERT INTO "agent_terminal" ("id", "node_id", "public_key") VALUES ($1, $2::uuid, $3) ON CONFLICT ("id") DO NOTHING RETURNING ${COLUMNS}`,
      [terminal.id, terminal.nodeId, terminal.publicKey],
    );
    if (inserted) return { terminal: terminalOf(inserted), created: true };
    return { terminal: (await this.find(terminal.id))!, created: false };
  }

  async find(id: string): Promise<AgentTerminal | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "agent_terminal" WHERE "id" = $1`, [id]);
    return row ? terminalOf(row) : undefined;
  }

  /** By id, at most `limit`, optionally of one node. */
  async list(nodeId: string | undefined, limit = 1000): Promise<AgentTerminal[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM "agent_terminal" WHERE $1::uuid IS NULL OR "node_id" = $1::uuid ORDER BY "id" LIMIT $2`, [
      nodeId ?? null,
      limit,
    ]);
    return rows.map(terminalOf);
  }

  /** Blocks the terminal (its signed requests are refused from then on); blocking it again keeps the first time. */
  async block(id: string, at: Date): Promise<AgentTerminal | undefined> {
    const [row] = await this.db.query(
      `UPDATE "agent_terminal" SET "status" = 'blocked', "blocked_at" = coalesce("blocked_at", $2::timestamptz) WHERE "id" = $1 RETURNING ${COLUMNS}`,
      [id, at.toISOString()],
    );
    return row ? terminalOf(row) : undefined;
  }

  /**
   * Records a signed request's nonce until `expiresAt`; false when the terminal used it before (a
   * replay). The table is shared by every replica; the terminal's expired nonces are dropped first.
   */
  async recordNonce(terminalId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.db.execute(`DELETE FROM "agent_terminal_nonce" WHERE "terminal_id" = $1 AND "expires_at" < $2::timestamptz`, [terminalId, now.toISOString()]);
    const inserted = await this.db.query(
      `INSERT INTO "agent_terminal_nonce" ("terminal_id", "nonce", "expires_at") VALUES ($1, $2, $3::timestamptz) ON CONFLICT DO NOTHING RETURNING 1 AS "recorded"`,
      [terminalId, nonce, expiresAt.toISOString()],
    );
    return inserted.length === 1;
  }
}
