import { Inject, Injectable } from '@nestjs/common';

import { AbandonCommand, abandonV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';

import { GATEWAY_DB, GatewayDb } from '../database/gateway-db.provider';
import { ABANDONED, COMPLETED, IN_PROGRESS, outcomeColumns, storedOutcomeOf } from '../idempotency/stored-outcome';
import type { DecidedOutcome, OperationOutcome, OutcomeUnknown } from '../outcomes/register-outcome';

/**
 * What the gateway keeps of an abandoned operation. The command to authorization goes through the
 * outbox in the same transaction as the idempotency record: a publish after the commit could be
 * lost (the process stops, Kafka is away longer than the producer retries) and leave the register
 * told "being reversed" while the customer stays charged.
 */
@Injectable()
export class AbandonmentRepository {
  private readonly outbox = new OutboxWriter('gateway');

  constructor(@Inject(GATEWAY_DB) private readonly db: GatewayDb) {}

  /**
   * The record takes `outcome` (what a retry with the same key replays) and the command is
   * queued, both or neither; null then. When the outcome was stored first (a reply won the race
   * with the deadline), nothing is written and that outcome is returned instead.
   */
  abandon(command: AbandonCommand, outcome: OutcomeUnknown): Promise<OperationOutcome | null> {
    return this.db.$transaction(async (tx) => {
      const marked = await tx.idempotencyRecord.updateMany({
        where: { transactionId: command.transactionId, state: IN_PROGRESS },
        data: { state: ABANDONED, ...outcomeColumns(outcome), completedAt: new Date() },
      });
      if (marked.count === 0) {
        const record = await tx.idempotencyRecord.findUniqueOrThrow({ where: { transactionId: command.transactionId } });
        return (storedOutcomeOf(record) as OperationOutcome | undefined) ?? outcome;
      }
      await this.outbox.add(tx, abandonV1, command, { key: command.terminalId });
      return null;
    });
  }

  /** Tells authorization only; the record waits for the outcome (an operation that stands). */
  async report(command: AbandonCommand): Promise<void> {
    await this.outbox.add(this.db, abandonV1, command, { key: command.terminalId });
  }

  /**
   * An outcome that arrived after the deadline. It completes a record still in progress; it
   * replaces an abandoned one only when it moved no money (a decline or a rejection), since an
   * approval of an abandoned operation is being reversed and must never be replayed as approved.
   */
  async completeLate(transactionId: string, outcome: DecidedOutcome, movedNoMoney: boolean): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { transactionId, state: movedNoMoney ? { in: [IN_PROGRESS, ABANDONED] } : IN_PROGRESS },
      data: { state: COMPLETED, ...outcomeColumns(outcome), completedAt: new Date() },
    });
  }
}
