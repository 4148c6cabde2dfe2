import { Injectable } from '@nestjs/common';

import { transactionAuthorizedV1, TransactionDeclined, transactionDeclinedV1 } from '@payments/contracts';

import { AbandonmentRepository } from '../abandonment/abandonment.repository';
import { lateApprovalReason, reversesApproval } from '../abandonment/abandonment.rules';
import { APPROVED, RECEIVED_TOO_LATE } from '../acquirer/response-codes';
import { declinedEvent, eventBaseOf } from '../card-operation/authorization-reply.mapper';
import type { AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import type { Outcome } from './journal-entry';
import { JournalRepository, OutboxEvent } from './journal.repository';

export type Direction = 'debit' | 'credit' | 'none';
type Effects = (tx: AuthorizationTx, row: Transaction) => Promise<void>;

/**
 * The final word on a journaled attempt: its status, history row, event and side effects (a
 * follow-up's effect on its original, a queued reversal) in one database transaction.
 */
@Injectable()
export class OutcomeRecorder {
  constructor(
    private readonly journal: JournalRepository,
    private readonly abandonments: AbandonmentRepository,
  ) {}

  approve(
    id: string,
    ref: Omit<Outcome, 'status' | 'responseCode' | 'reason'> & { reason?: string },
    direction: Direction,
    effects?: Effects,
  ): Promise<Transaction> {
    const outcome: Outcome = { status: 'approved', responseCode: APPROVED, reason: ref.reason ?? 'approved by host', ...ref };
    const at = new Date();
    return this.journal.transaction(async (tx) => {
      // The register may have given up meanwhile (gateway's report): then the approval is reversed.
      const abandonment = await this.abandonments.lockedAbandonmentOf(tx, id);
      const row = abandonment ? await this.journal.lockById(tx, id) : null;
      if (abandonment && row && reversesApproval(abandonment, row)) {
        // Not announced as authorized, and a follow-up's original keeps its reservation until the reversal is acknowledged.
        const reason = lateApprovalReason(ref.approvalCode, abandonment.reason);
        const unknown: Outcome = { ...outcome, status: 'unknown', responseCode: RECEIVED_TOO_LATE, reason };
        return this.journal.finalizeIn(tx, id, unknown, (r) => this.declinedEventOf(r, unknown, at), { reason });
      }
      return this.journal.finalizeIn(
        tx,
        id,
        outcome,
        (r) => ({
          topic: transactionAuthorizedV1,
          key: r.terminalId,
          value: { ...eventBaseOf(r), direction, responseCode: APPROVED, rrn: ref.rrn, approvalCode: ref.approvalCode, occurredAt: at.toISOString() },
        }),
        undefined,
        effects,
      );
    });
  }

  /** Declined, failed, rejected or unknown; an unknown outcome also queues its reversal. */
  decline(id: string, outcome: Outcome, reversal?: { reason: string }, effects?: Effects): Promise<Transaction> {
    const at = new Date();
    return this.journal.finalize(id, outcome, (row) => this.declinedEventOf(row, outcome, at), reversal, effects);
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
