import { Inject, Injectable } from '@nestjs/common';

import type { AssessReply } from '@payments/contracts';

import { ANTIFRAUD_DB, AntifraudDb } from '../database/antifraud-db.provider';

const KEEP_FIRST = `INSERT INTO "antifraud"."decision" ("transaction_id", "terminal_id", "decision", "response_code", "reasons")
  VALUES ($1::uuid, $2, $3, $4, $5::jsonb) ON CONFLICT ("transaction_id") DO NOTHING RETURNING 1 AS "kept"`;
const EARLIER = `SELECT "decision", "response_code", "reasons"::text AS "reasons" FROM "antifraud"."decision" WHERE "transaction_id" = $1::uuid`;

interface DecisionRow extends Record<string, unknown> {
  readonly decision: string;
  readonly response_code: string | null;
  readonly reasons: string;
}

/** Decisions are kept, one per transaction: a repeated request gets the first decision back. */
@Injectable()
export class DecisionRepository {
  constructor(@Inject(ANTIFRAUD_DB) private readonly db: AntifraudDb) {}

  /**
   * Keeps `reply` unless the transaction already has a decision, and returns the one kept: one
   * statement for a new transaction, a second only to read the earlier decision of a repeat.
   */
  async keepFirst(terminalId: string, reply: AssessReply): Promise<AssessReply> {
    const kept = await this.db.query(KEEP_FIRST, [reply.transactionId, terminalId, reply.decision, reply.responseCode ?? null, JSON.stringify(reply.reasons)]);
    if (kept.length === 1) return reply;
    const [row] = await this.db.query<DecisionRow>(EARLIER, [reply.transactionId]);
    return row ? replyOf(reply.transactionId, row) : reply;
  }
}

function replyOf(transactionId: string, row: DecisionRow): AssessReply {
  return {
    transactionId,
    decision: row.decision === 'deny' ? 'deny' : 'allow',
    responseCode: row.response_code ?? undefined,
    reasons: JSON.parse(row.reasons) as AssessReply['reasons'],
  };
}
