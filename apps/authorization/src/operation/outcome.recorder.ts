import { Inject, Injectable } from '@nestjs/common';

import { TransactionAuthorized, transactionAuthorizedV1, TransactionDeclined, transactionDeclinedV1 } from '@payments/contracts';

import { APPROVED, RECEIVED_TOO_LATE } from '../acquirer/response-codes';
import type { AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import { countOperationOutcome } from './authorization.metrics';
import { lateApprovalReason, reversesApproval } from './late-approval.rules';
import type { Direction } from './money-direction';
import type { Outcome } from './operation-entry';
import { declinedEvent, eventBaseOf } from './operation-reply.mapper';
import { OperationRepository, OutboxEvent, StatusChange } from './operation.repository';
import { REGISTER_ABANDONMENTS, type RegisterAbandonments } from './ports/register-abandonments.port';

export type Effects = (tx: AuthorizationTx, row: Transaction) => Promise<void>;

/**
 * The final word on a journaled attempt: its status, history row, event and side effects (a
 * follow-up's effect on its original, a queued reversal) in one database transaction.
 */
@Injectable()
export class OutcomeRecorder {
  constructor(
    private readonly operations: OperationRepository,
    @Inject(REGISTER_ABANDONMENTS) private readonly abandonments: RegisterAbandonments,
  ) {}

  private readonly recordedListeners: (() => void)[] = [];

  /**
   * Called each time this process records an outcome (an unknown one queued a reversal, an
   * approved preauthorization set its hold's expiry): the reversal worker looks soon after.
   */
  onRecorded(listener: () => void): void {
    this.recordedListeners.push(listener);
  }

  async approve(
    id: string,
    ref: Omit<Outcome, 'status' | 'responseCode' | 'reason'> & { reason?: string },
    direction: Direction,
    effects?: Effects,
  ): Promise<Transaction> {
    const outcome: Outcome = { status: 'approved', responseCode: APPROVED, reason: ref.reason ?? 'approved by host', ...ref };
    const at = new Date();
    const authorized = (r: Transaction): OutboxEvent<TransactionAuthorized> => ({
      topic: transactionAuthorizedV1,
      key: r.terminalId,
      value: { ...eventBaseOf(r), direction, responseCode: APPROVED, rrn: ref.rrn, approvalCode: ref.approvalCode, occurredAt: at.toISOString() },
    });
    // One call when the journal itself can say whether the register gave up (it writes nothing if so).
    const abandonmentLock = this.abandonments.checkedByJournal;
    const recorded = !effects && abandonmentLock ? await this.recordInOneCall(id, outcome, authorized, undefined, true) : undefined;
    if (recorded) return recorded;
    return this.operations.transaction(async (tx) => {
      // The register may have given up meanwhile (gateway's report): then the approval is reversed.
      const abandonment = await this.abandonments.lockedAbandonmentOf(tx, id);
      const row = abandonment ? await this.operations.lock(tx, id) : null;
      if (abandonment && row && reversesApproval(abandonment, row)) {
        // Not announced as authorized, and a follow-up's original keeps its reservation until the reversal is acknowledged.
        const reason = lateApprovalReason(ref.approvalCode, abandonment.reason);
        const unknown: Outcome = { ...outcome, status: 'unknown', responseCode: RECEIVED_TOO_LATE, reason };
        return this.finalizeIn(tx, id, unknown, (r) => this.declinedEventOf(r, unknown, at), { reason });
      }
      return this.finalizeIn(tx, id, outcome, authorized, undefined, effects);
    });
  }

  /** Declined, failed, rejected or unknown; an unknown outcome also queues its reversal. */
  decline(id: string, outcome: Outcome, reversal?: { reason: string }, effects?: Effects): Promise<Transaction> {
    const at = new Date();
    return this.finalize(id, outcome, (row) => this.declinedEventOf(row, outcome, at), reversal, effects);
  }

  /**
   * Final state, its history row, the outbox event (made from the final row) and (for an unknown
   * outcome) the queued reversal: one database transaction, so nothing is half-written (one call
   * of the journal when nothing else goes with it and this process journaled the attempt).
   */
  async finalize<T>(
    id: string,
    outcome: Outcome,
    eventOf: (row: Transaction) => OutboxEvent<T> | undefined,
    reversal?: { reason: string },
    effects?: Effects,
    from = 'pending',
  ): Promise<Transaction> {
    const recorded = effects ? undefined : await this.recordInOneCall(id, outcome, eventOf, reversal, false, from);
    return recorded ?? this.operations.transaction((tx) => this.finalizeIn(tx, id, outcome, eventOf, reversal, effects, from));
  }

  /** `finalize` inside the caller's database transaction (which decided the outcome on what it read there). */
  async finalizeIn<T>(
    tx: AuthorizationTx,
    id: string,
    outcome: Outcome,
    eventOf: (row: Transaction) => OutboxEvent<T> | undefined,
    reversal?: { reason: string },
    effects?: Effects,
    from = 'pending',
  ): Promise<Transaction> {
    const row = await this.operations.changeStatus(tx, id, from, this.changeOf(outcome));
    if (reversal) await this.operations.queueReversal(tx, id, reversal.reason);
    await effects?.(tx, row);
    const event = eventOf(row);
    if (event) await this.operations.addEvent(tx, event);
    this.recorded(row);
    return row;
  }

  /** The journal's one-call path (an attempt this process journaled); undefined when it did not apply, having written nothing. */
  private async recordInOneCall<T>(
    id: string,
    outcome: Outcome,
    eventOf: (row: Transaction) => OutboxEvent<T> | undefined,
    reversal: { reason: string } | undefined,
    abandonmentLock: boolean,
    from = 'pending',
  ): Promise<Transaction | undefined> {
    const row = await this.operations.recordOutcome(id, from, { ...this.changeOf(outcome), eventOf, reversalReason: reversal?.reason, abandonmentLock });
    if (row) this.recorded(row);
    return row;
  }

  private recorded(row: Transaction): void {
    countOperationOutcome(row);
    for (const listener of this.recordedListeners) listener();
  }

  private changeOf(outcome: Outcome): StatusChange {
    const { status, reason, responseCode, approvalCode, stan, rrn, balanceMinor } = outcome;
    return { to: status, reason, responseCode, fields: { statusReason: reason, responseCode, approvalCode, stan, rrn, balanceMinor } };
  }

  private declinedEventOf(row: Transaction, outcome: Outcome, at: Date): OutboxEvent<TransactionDeclined> {
    const status = outcome.status === 'declined' || outcome.status === 'rejected' ? outcome.status : 'failed';
    return {
      topic: transactionDeclinedV1,
      key: row.terminalId,
      value: { ...declinedEvent(eventBaseOf(row), status, outcome.responseCode, outcome.reason, at), rrn: outcome.rrn },
    };
  }
}
