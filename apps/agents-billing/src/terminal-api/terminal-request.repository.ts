import { Inject, Injectable } from '@nestjs/common';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { jsonOf } from '../database/sql-values';

/** An answer as the terminal got it: replayed byte for byte to a retry with the same key and body. */
export interface TerminalAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export type TerminalRequestClaim =
  /** The key is new, or was taken with the same body and has no final answer yet: do the request (for this payment id). */
  { readonly kind: 'proceed'; readonly paymentId: string } | { readonly kind: 'answered'; readonly answer: TerminalAnswer } | { readonly kind: 'key_reused' };

interface ClaimedRow extends Record<string, unknown> {
  readonly request_hash: string;
  readonly payment_id: string;
  readonly response_status: number | null;
  readonly response_body: unknown;
}

/**
 * A terminal's money-moving requests by their Idempotency-Key, as the gateway keeps a register's:
 * the same key and body get the first answer again; another body under the key is refused. A key
 * whose request stopped before its answer was stored proceeds again with the same payment id, so
 * the payment's own idempotency decides (nothing is paid twice).
 */
@Injectable()
export class TerminalRequestRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  async claim(terminalId: string, key: string, requestHash: string, paymentId: string): Promise<TerminalRequestClaim> {
    const inserted = await this.db.query(
      `INSERT INTO "agent_terminal_request" ("terminal_id", "idempotency_key", "request_hash", "payment_id") VALUES ($1, $2, $3, $4::uuid)
       ON CONFLICT DO NOTHING RETURNING 1 AS "claimed"`,
      [terminalId, key, requestHash, paymentId],
    );
    if (inserted.length === 1) return { kind: 'proceed', paymentId };
    const [row] = await this.db.query<ClaimedRow>(
      `SELECT "request_hash", "payment_id"::text AS "payment_id", "response_status", "response_body"::text AS "response_body"
       FROM "agent_terminal_request" WHERE "terminal_id" = $1 AND "idempotency_key" = $2`,
      [terminalId, key],
    );
    if (!row) throw new Error(`terminal ${terminalId}: idempotency key neither claimed nor found`);
    if (row.request_hash !== requestHash) return { kind: 'key_reused' };
    if (row.response_status === null) return { kind: 'proceed', paymentId: row.payment_id };
    return { kind: 'answered', answer: { status: row.response_status, body: jsonOf<Record<string, unknown>>(row.response_body) } };
  }

  /** Stores the final answer once: a later one does not replace it. */
  async answer(terminalId: string, key: string, answer: TerminalAnswer, at: Date): Promise<void> {
    await this.db.execute(
      `UPDATE "agent_terminal_request" SET "response_status" = $3, "response_body" = $4::jsonb, "answered_at" = $5::timestamptz
       WHERE "terminal_id" = $1 AND "idempotency_key" = $2 AND "response_status" IS NULL`,
      [terminalId, key, answer.status, JSON.stringify(answer.body), at.toISOString()],
    );
  }
}
