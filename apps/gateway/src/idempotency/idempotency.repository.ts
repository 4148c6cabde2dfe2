import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { GATEWAY_SQL, GatewaySql } from '../database/gateway-db.provider';
import type { IdempotencyRecord } from '../generated/prisma/client';
import { COMPLETED, IN_PROGRESS, StoredOutcome, storedOutcomeOf } from './stored-outcome';

/** What a key claimed before answers with: its request's hash, its state and its outcome (or an older row's response). */
export type ClaimedRecord = Pick<IdempotencyRecord, 'requestHash' | 'transactionId' | 'state' | 'outcome' | 'responseStatus' | 'responseBody'>;

// Unqualified names: the connection's search_path is the gateway's schema. JSON travels as text
// (`::jsonb` in, `::text` out), so PostgreSQL and PGlite encode and decode it the same way.
const CLAIM = `INSERT INTO "idempotency_record" ("client_id", "key", "request_hash", "transaction_id", "state")
  VALUES ($1::uuid, $2, $3, $4::uuid, $5) ON CONFLICT DO NOTHING RETURNING 1 AS "claimed"`;
const CLAIMED_BEFORE = `SELECT "request_hash", "transaction_id"::text AS "transaction_id", "state", "outcome"::text AS "outcome",
  "response_status", "response_body"::text AS "response_body" FROM "idempotency_record" WHERE "client_id" = $1::uuid AND "key" = $2`;
const COMPLETE = `UPDATE "idempotency_record" SET "state" = $2, "outcome" = $3::jsonb, "completed_at" = $4::timestamptz
  WHERE "transaction_id" = $1::uuid AND "state" = $5 RETURNING 1 AS "completed"`;
const STORED_OUTCOME = `SELECT "request_hash", "transaction_id"::text AS "transaction_id", "state", "outcome"::text AS "outcome",
  "response_status", "response_body"::text AS "response_body" FROM "idempotency_record" WHERE "transaction_id" = $1::uuid`;
const SUPERSEDE = `UPDATE "idempotency_record" SET "outcome" = $2::jsonb, "completed_at" = $3::timestamptz
  WHERE "transaction_id" = $1::uuid AND "state" = $4`;

// The database's clock, not the gateway's: every gateway measures the lease against the same one.
const TAKE_OVER = `UPDATE "idempotency_record" SET "leased_at" = now()
  WHERE "transaction_id" = $1::uuid AND "state" = $2 AND COALESCE("leased_at", "created_at") < now() - $3::int * interval '1 millisecond'
  RETURNING 1 AS "taken"`;

interface ClaimedRow extends Record<string, unknown> {
  readonly request_hash: string;
  readonly transaction_id: string;
  readonly state: string;
  readonly outcome: string | null;
  readonly response_status: number | null;
  readonly response_body: string | null;
}

/** The idempotency record on the purchase path: one INSERT per new key, one UPDATE per outcome, in plain SQL. */
@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(GATEWAY_SQL) private readonly db: GatewaySql) {}

  /** Claims (client, key) for a new request; the existing record when it was claimed before. */
  async claim(
    clientId: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true; transactionId: string } | { claimed: false; record: ClaimedRecord }> {
    const transactionId = randomUUID();
    const inserted = await this.db.query(CLAIM, [clientId, key, requestHash, transactionId, IN_PROGRESS]);
    if (inserted.length === 1) return { claimed: true, transactionId };
    const [row] = await this.db.query<ClaimedRow>(CLAIMED_BEFORE, [clientId, key]);
    // The conflict may have been on transaction_id (a repeated random UUID): no record of this key.
    if (!row) throw new Error('idempotency record not claimed and not found');
    return { claimed: false, record: recordOf(row) };
  }

  /**
   * Records the outcome and returns what the record now holds: this outcome, or, when another
   * gateway took the record over meanwhile (its lease ran out) and settled it first, that one
   * (an approval it abandoned and reversed must not be answered as approved here).
   */
  async complete(transactionId: string, outcome: StoredOutcome): Promise<StoredOutcome> {
    const completed = await this.db.query(COMPLETE, [transactionId, COMPLETED, JSON.stringify(outcome), new Date(), IN_PROGRESS]);
    if (completed.length === 1) return outcome;
    const [row] = await this.db.query<ClaimedRow>(STORED_OUTCOME, [transactionId]);
    return (row && storedOutcomeOf(recordOf(row))) ?? outcome;
  }

  /**
   * Takes over a record still in progress whose lease (`leaseMs` since its gateway took it) ran
   * out: true for exactly one caller, which then holds it for another lease; false while the lease
   * runs or once the record is completed.
   */
  async takeOver(transactionId: string, leaseMs: number): Promise<boolean> {
    const taken = await this.db.query(TAKE_OVER, [transactionId, IN_PROGRESS, Math.round(leaseMs)]);
    return taken.length === 1;
  }

  /** A later outcome of the same transaction (a prompt answered): a retry with the first key then replays it. */
  async supersede(transactionId: string, outcome: StoredOutcome): Promise<void> {
    await this.db.query(SUPERSEDE, [transactionId, JSON.stringify(outcome), new Date(), COMPLETED]);
  }
}

function recordOf(row: ClaimedRow): ClaimedRecord {
  return {
    requestHash: row.request_hash,
    transactionId: row.transaction_id,
    state: row.state,
    outcome: jsonOf(row.outcome),
    responseStatus: row.response_status,
    responseBody: jsonOf(row.response_body),
  };
}

function jsonOf(text: string | null): ClaimedRecord['outcome'] {
  return text === null ? null : (JSON.parse(text) as ClaimedRecord['outcome']);
}
