import { Injectable } from '@nestjs/common';

import type { AbandonCommand } from '@payments/contracts';
import { Inbox } from '@payments/messaging';

import type { AuthorizationTx } from '../database/authorization-db.provider';
import type { Abandonment } from '../generated/prisma/client';

/** Namespace of the per-transaction advisory lock (the two-key form, apart from any single-key lock). */
const ABANDONMENT_LOCK = 8583;

/**
 * The abandonments the gateway reported, and the inbox that makes each report count once. All
 * of it in the caller's transaction, so the report and its effect on the journal commit together.
 */
@Injectable()
export class AbandonmentRepository {
  private readonly inbox = new Inbox('authorization');
  /** The reports are the journal's `abandonment` table (record_outcome checks it under the same lock). */
  readonly checkedByJournal = true;

  /** True the first time this message is seen by `consumer`; a redelivery then has no effect. */
  firstDelivery(tx: AuthorizationTx, messageId: string, consumer: string): Promise<boolean> {
    return this.inbox.record(tx, messageId, consumer);
  }

  /**
   * Makes a transaction's abandonment and its final outcome take turns, until the caller's
   * transaction ends. The journal row cannot serve as the lock: it may not exist yet.
   */
  async lockTransaction(tx: AuthorizationTx, transactionId: string): Promise<void> {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ABANDONMENT_LOCK}, hashtext($1))`, transactionId);
  }

  /** Keeps the first report of a transaction (a second one, from a retry of the gateway, adds nothing). */
  async record(tx: AuthorizationTx, command: AbandonCommand): Promise<void> {
    await tx.abandonment.createMany({
      data: [{ transactionId: command.transactionId, terminalId: command.terminalId, reason: command.reason, abandonedAt: new Date(command.abandonedAt) }],
      skipDuplicates: true,
    });
  }

  /** The transaction's abandonment, if its register gave up; takes the lock first. */
  async lockedAbandonmentOf(tx: AuthorizationTx, transactionId: string): Promise<Abandonment | null> {
    await this.lockTransaction(tx, transactionId);
    return tx.abandonment.findUnique({ where: { transactionId } });
  }
}
