import { Inject, Injectable } from '@nestjs/common';

import { AUTHORIZATION_DB, AuthorizationDb, AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import type { OperationStatus } from '../operation/operation-status';
import { OperationRepository } from '../operation/operation.repository';

export interface ClaimedReversal {
  transaction: Transaction;
  attempt: number;
}

/** What a pass of the worker has to do; all false on an idle platform. */
export interface DueWork {
  readonly stalePending: boolean;
  readonly lapsedPreauthorizations: boolean;
  readonly reversals: boolean;
  /** When the first of what is not due yet falls due (a pending attempt goes stale, a hold lapses, a retry is due); null: nothing waits. */
  readonly nextDueAt: Date | null;
}

/**
 * The worker's question, in one plain statement (Prisma's query building cost more CPU than the
 * idle database did): the same conditions as findStalePending, findLapsedPreauthorizations and
 * claimDue, and the earliest time of each (epoch milliseconds), so the worker sleeps until the
 * first of them. Names follow the connection's search_path.
 */
const DUE_WORK_SQL = `SELECT
  COALESCE(p."first" < $1::timestamptz, false) AS "stale_pending",
  COALESCE(l."first" <= $2::timestamptz, false) AS "lapsed_preauthorizations",
  COALESCE(r."first" <= now(), false) AS "reversals",
  (extract(epoch FROM p."first") * 1000)::float8 AS "first_pending_ms",
  (extract(epoch FROM l."first") * 1000)::float8 AS "first_lapse_ms",
  (extract(epoch FROM r."first") * 1000)::float8 AS "first_reversal_ms"
FROM (SELECT min("updated_at") AS "first" FROM "transaction" WHERE "status" = 'pending') p,
  (SELECT min("expires_at") AS "first" FROM "transaction"
    WHERE "operation" = 'preauthorization' AND "status" = 'approved' AND "completed_minor" = 0) l,
  (SELECT min("next_attempt_at") AS "first" FROM "reversal" WHERE "status" = 'pending') r`;

interface DueWorkRow {
  stale_pending: boolean;
  lapsed_preauthorizations: boolean;
  reversals: boolean;
  first_pending_ms: number | null;
  first_lapse_ms: number | null;
  first_reversal_ms: number | null;
}

/** The store-and-forward queue. A claim leases the row, so two workers never send the same reversal at once. */
@Injectable()
export class ReversalRepository {
  constructor(
    @Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb,
    private readonly operations: OperationRepository,
  ) {}

  /**
   * Whether anything is due: stale pending attempts (changed before `staleBefore`), lapsed
   * preauthorizations, reversals; and when the next of them falls due (a pending attempt goes
   * stale `staleAfterMs` after its last change).
   */
  async dueWork(staleBefore: Date, now: Date): Promise<DueWork> {
    const [due] = await this.db.$queryRawUnsafe<DueWorkRow[]>(DUE_WORK_SQL, staleBefore.toISOString(), now.toISOString());
    const staleAfterMs = now.getTime() - staleBefore.getTime();
    const times = [due.first_pending_ms === null ? null : Number(due.first_pending_ms) + staleAfterMs, due.first_lapse_ms, due.first_reversal_ms]
      .filter((ms) => ms !== null)
      .map(Number);
    return {
      stalePending: due.stale_pending,
      lapsedPreauthorizations: due.lapsed_preauthorizations,
      reversals: due.reversals,
      nextDueAt: times.length ? new Date(Math.min(...times)) : null,
    };
  }

  async claimDue(limit: number, leaseMs: number): Promise<ClaimedReversal[]> {
    const claimed = await this.db.$queryRawUnsafe<{ transaction_id: string; attempts: number }[]>(
      `UPDATE "reversal" SET "attempts" = "attempts" + 1, "next_attempt_at" = now() + ($2 || ' milliseconds')::interval
       WHERE "transaction_id" IN (
         SELECT "transaction_id" FROM "reversal"
         WHERE "status" = 'pending' AND "next_attempt_at" <= now()
         ORDER BY "next_attempt_at" LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING "transaction_id", "attempts"`,
      limit,
      String(leaseMs),
    );
    if (claimed.length === 0) return [];
    const rows = await this.db.transaction.findMany({ where: { id: { in: claimed.map((c) => c.transaction_id) } } });
    return claimed.map((c) => ({ transaction: rows.find((r) => r.id === c.transaction_id)!, attempt: c.attempts }));
  }

  /**
   * The host answered: the queue entry closes and the journal takes `status`, with the effects
   * on an original (release or settle), in one transaction. False when it was already closed.
   */
  async acknowledge(
    transactionId: string,
    responseCode: string,
    status: OperationStatus,
    reason: string,
    effects?: (tx: AuthorizationTx, row: Transaction) => Promise<void>,
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const closed = await tx.reversal.updateMany({
        where: { transactionId, status: 'pending' },
        data: { status: 'acknowledged', acknowledgedAt: new Date(), lastError: null },
      });
      if (closed.count === 0) return false;
      const current = await this.operations.lock(tx, transactionId);
      if (!current) throw new Error(`the reversal of ${transactionId} names no journaled transaction`);
      const row = await this.operations.changeStatus(tx, transactionId, current.status, { to: status, reason, responseCode });
      await effects?.(tx, row);
      return true;
    });
  }

  /**
   * A completion or refund approved, then reversed (its register never saw the approval), had
   * given its original a final status; with the amount given back, the original is approved again.
   */
  async reinstateOriginal(tx: AuthorizationTx, follow: Pick<Transaction, 'id' | 'operation' | 'originalId'>): Promise<void> {
    if (!follow.originalId || (follow.operation !== 'completion' && follow.operation !== 'refund')) return;
    const original = await tx.transaction.findUnique({ where: { id: follow.originalId } });
    if (!original) return;
    // What the reversed follow-up had taken is given back (release ran first, in this transaction).
    const givenBack =
      (original.status === 'completed' && original.completedMinor === 0n) || (original.status === 'refunded' && original.returnedMinor < original.amountMinor);
    if (!givenBack) return;
    await this.operations.changeStatus(tx, original.id, original.status, {
      to: 'approved',
      reason: `${follow.operation} ${follow.id} reversed; its amount is given back`,
    });
  }

  async retryLater(transactionId: string, error: string, delayMs: number): Promise<void> {
    await this.db.reversal.update({
      where: { transactionId },
      data: { lastError: error, nextAttemptAt: new Date(Date.now() + delayMs) },
    });
  }

  pendingCount(): Promise<number> {
    return this.db.reversal.count({ where: { status: 'pending' } });
  }
}
