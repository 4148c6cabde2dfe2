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
}

/**
 * The worker's question each second, in one plain statement (Prisma's query building cost more
 * CPU than the idle database did): the same conditions as findStalePending,
 * findLapsedPreauthorizations and claimDue. Names follow the connection's search_path.
 */
const DUE_WORK_SQL = `SELECT
  EXISTS (SELECT 1 FROM "transaction" WHERE "status" = 'pending' AND "updated_at" < $1::timestamptz) AS "stale_pending",
  EXISTS (SELECT 1 FROM "transaction" WHERE "operation" = 'preauthorization' AND "status" = 'approved' AND "completed_minor" = 0
    AND "expires_at" <= $2::timestamptz) AS "lapsed_preauthorizations",
  EXISTS (SELECT 1 FROM "reversal" WHERE "status" = 'pending' AND "next_attempt_at" <= now()) AS "reversals"`;

/** The store-and-forward queue. A claim leases the row, so two workers never send the same reversal at once. */
@Injectable()
export class ReversalRepository {
  constructor(
    @Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb,
    private readonly operations: OperationRepository,
  ) {}

  /** Whether anything is due: stale pending attempts (changed before `staleBefore`), lapsed preauthorizations, reversals. */
  async dueWork(staleBefore: Date, now: Date): Promise<DueWork> {
    const [due] = await this.db.$queryRawUnsafe<{ stale_pending: boolean; lapsed_preauthorizations: boolean; reversals: boolean }[]>(
      DUE_WORK_SQL,
      staleBefore.toISOString(),
      now.toISOString(),
    );
    return { stalePending: due.stale_pending, lapsedPreauthorizations: due.lapsed_preauthorizations, reversals: due.reversals };
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
