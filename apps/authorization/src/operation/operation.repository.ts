import { Inject, Injectable } from '@nestjs/common';

import { TopicContract } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';

import { AUTHORIZATION_DB, AuthorizationDb, AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import type { PendingEntry } from './operation-entry';
import { isAllowedTransition, OperationStatus } from './operation-status';
import { StatusTransitionError } from './status-transition.error';

export interface OutboxEvent<T> {
  topic: TopicContract<T>;
  value: T;
  key: string;
}

/** What the row takes with a new status (a final outcome, or the host's answer a prompt waits on). */
export type StatusFields = Partial<Pick<Transaction, 'statusReason' | 'responseCode' | 'approvalCode' | 'stan' | 'rrn' | 'balanceMinor' | 'amountMinor'>>;

export interface StatusChange {
  readonly to: OperationStatus;
  /** The history row's reason and response code. */
  readonly reason: string;
  readonly responseCode?: string;
  readonly fields?: StatusFields;
}

/**
 * The Operation aggregate's store: the only code that writes an operation's status, its status
 * history and its outbox events. A change is checked against the transition table and applied
 * only while the row still has the status it was decided on, so a slow process and the recovery
 * of its attempt never both win.
 */
@Injectable()
export class OperationRepository {
  private readonly outbox = new OutboxWriter('authorization');

  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  findById(id: string): Promise<Transaction | null> {
    return this.db.transaction.findUnique({ where: { id } });
  }

  /** The attempt is journaled before anything else is asked (card source, risk check, rail). */
  async open(entry: PendingEntry): Promise<void> {
    const { card } = entry;
    await this.db.$transaction(async (tx) => {
      await tx.transaction.create({
        data: {
          id: entry.id,
          operation: entry.operation,
          terminalId: entry.terminalId,
          merchantId: entry.merchantId,
          amountMinor: entry.amountMinor,
          currency: entry.currency,
          requestHash: entry.requestHash,
          businessDay: new Date(`${entry.businessDay}T00:00:00Z`),
          batchNumber: entry.batchNumber,
          originalId: entry.originalId,
          expiresAt: entry.expiresAt,
          cardToken: card?.token,
          maskedPan: card?.maskedPan,
          cardScheme: card?.scheme,
          panKeyId: card?.panKeyId,
          panCiphertext: card?.panCiphertext,
          status: 'pending',
        },
      });
      await tx.transactionStatusChange.create({ data: { transactionId: entry.id, status: 'pending' } });
    });
  }

  /** A follow-up whose original became known later (the cashier keyed its RRN): the row takes it. */
  async attachOriginal(id: string, original: { originalId: string; amountMinor?: bigint; currency: string; card?: PendingEntry['card'] }): Promise<void> {
    const { card } = original;
    await this.db.transaction.update({
      where: { id },
      data: {
        originalId: original.originalId,
        amountMinor: original.amountMinor,
        currency: original.currency,
        ...(card && { cardToken: card.token, maskedPan: card.maskedPan, cardScheme: card.scheme, panKeyId: card.panKeyId, panCiphertext: card.panCiphertext }),
      },
    });
  }

  /** Records what is sent to the rail before it is asked, so a reversal can name it. */
  async recordRailReference(
    id: string,
    ref: { acquirerId: string; stan: string; rrn: string; sentAt: Date; mti: string; processingCode: string },
  ): Promise<void> {
    await this.db.transaction.update({
      where: { id },
      data: { acquirerId: ref.acquirerId, stan: ref.stan, rrn: ref.rrn, hostSentAt: ref.sentAt, hostMti: ref.mti, processingCode: ref.processingCode },
    });
  }

  /** Runs `work` in one database transaction: a change decided on rows it read or locked there. */
  transaction<R>(work: (tx: AuthorizationTx) => Promise<R>): Promise<R> {
    return this.db.$transaction(work);
  }

  /** The row, locked until the caller's transaction ends (follow-ups and outcomes then wait). */
  async lock(tx: AuthorizationTx, id: string): Promise<Transaction | null> {
    await tx.$executeRawUnsafe(`SELECT 1 FROM "authorization"."transaction" WHERE "id" = $1::uuid FOR UPDATE`, id);
    return tx.transaction.findUnique({ where: { id } });
  }

  /**
   * `from` -> `change.to`, with its history row, in the caller's transaction. Refused (nothing
   * written) when the table does not allow it; fails when the row is no longer `from`.
   */
  async changeStatus(tx: AuthorizationTx, id: string, from: string, change: StatusChange): Promise<Transaction> {
    if (!isAllowedTransition(from, change.to)) throw new StatusTransitionError(id, from, change.to);
    const row = await tx.transaction.update({
      where: { id, status: from },
      data: { ...change.fields, status: change.to, updatedAt: new Date() },
    });
    await tx.transactionStatusChange.create({ data: { transactionId: id, status: change.to, responseCode: change.responseCode, reason: change.reason } });
    return row;
  }

  /** Queues the reversal (store and forward) of an operation the rail may have approved. */
  async queueReversal(tx: AuthorizationTx, id: string, reason: string): Promise<void> {
    await tx.reversal.create({ data: { transactionId: id, status: 'pending', reason } });
  }

  /** Whether the row was ever approved: its approval then went out as payments.transaction.authorized.v1. */
  async wasAuthorized(tx: AuthorizationTx, id: string): Promise<boolean> {
    return (await tx.transactionStatusChange.count({ where: { transactionId: id, status: 'approved' } })) > 0;
  }

  /** An event that commits (or not) with the caller's transaction. */
  async addEvent<T>(tx: AuthorizationTx, event: OutboxEvent<T>): Promise<void> {
    await this.outbox.add(tx, event.topic, event.value, { key: event.key });
  }
}
