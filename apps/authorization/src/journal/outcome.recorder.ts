import { Injectable } from '@nestjs/common';

import { transactionAuthorizedV1, transactionDeclinedV1 } from '@payments/contracts';

import { APPROVED } from '../acquirer/response-codes';
import { declinedEvent, eventBaseOf } from '../card-operation/authorization-reply.mapper';
import type { AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import type { Outcome } from './journal-entry';
import { JournalRepository } from './journal.repository';

export type Direction = 'debit' | 'credit' | 'none';
type Effects = (tx: AuthorizationTx, row: Transaction) => Promise<void>;

/**
 * The final word on a journaled attempt: its status, history row, event and side effects (a
 * follow-up's effect on its original, a queued reversal) in one database transaction.
 */
@Injectable()
export class OutcomeRecorder {
  constructor(private readonly journal: JournalRepository) {}

  approve(id: string, ref: Omit<Outcome, 'status' | 'responseCode' | 'reason'> & { reason?: string }, direction: Direction, effects?: Effects): Promise<Transaction> {
    const outcome: Outcome = { status: 'approved', responseCode: APPROVED, reason: ref.reason ?? 'approved by host', ...ref };
    const at = new Date();
    return this.journal.finalize(
      id,
      outcome,
      (row) => ({
        topic: transactionAuthorizedV1,
        key: row.terminalId,
        value: { ...eventBaseOf(row), direction, responseCode: APPROVED, rrn: ref.rrn, approvalCode: ref.approvalCode, occurredAt: at.toISOString() },
      }),
      undefined,
      effects,
    );
  }

  /** Declined, failed, rejected or unknown; an unknown outcome also queues its reversal. */
  decline(id: string, outcome: Outcome, reversal?: { reason: string }, effects?: Effects): Promise<Transaction> {
    const status = outcome.status === 'declined' || outcome.status === 'rejected' ? outcome.status : 'failed';
    const at = new Date();
    return this.journal.finalize(
      id,
      outcome,
      (row) => ({ topic: transactionDeclinedV1, key: row.terminalId, value: { ...declinedEvent(eventBaseOf(row), status, outcome.responseCode, outcome.reason, at), rrn: outcome.rrn } }),
      reversal,
      effects,
    );
  }
}
