import { Inject, Injectable } from '@nestjs/common';

import { TopicContract } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';

import { AUTHORIZATION_DB, AuthorizationDb } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import { Outcome, PendingEntry } from './journal-entry';

export interface OutboxEvent<T> {
  topic: TopicContract<T>;
  value: T;
  key: string;
}

/** The only code that touches the journal tables. Every change also writes a status history row. */
@Injectable()
export class JournalRepository {
  private readonly outbox = new OutboxWriter('authorization');

  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  findById(id: string): Promise<Transaction | null> {
    return this.db.transaction.findUnique({ where: { id } });
  }

  /** The attempt is journaled before anything else is asked (antifraud, host). */
  async createPending(entry: PendingEntry): Promise<void> {
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
          cardToken: entry.card?.token,
          maskedPan: entry.card?.maskedPan,
          cardScheme: entry.card?.scheme,
          panKeyId: entry.card?.panKeyId,
          panCiphertext: entry.card?.panCiphertext,
          status: 'pending',
        },
      });
      await tx.transactionStatusChange.create({ data: { transactionId: entry.id, status: 'pending' } });
    });
  }

  /** Records the STAN/RRN sent to the host before it is asked, so a reversal can name them. */
  async recordHostReference(id: string, stan: string, rrn: string, sentAt: Date): Promise<void> {
    await this.db.transaction.update({ where: { id }, data: { stan, rrn, hostSentAt: sentAt } });
  }

  /**
   * Final state, its history row, the outbox event (made from the final row) and (for an unknown
   * outcome) the queued reversal: one database transaction, so nothing is half-written.
   */
  async finalize<T>(id: string, outcome: Outcome, eventOf: (row: Transaction) => OutboxEvent<T>, reversal?: { reason: string }): Promise<Transaction> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.transaction.update({
        where: { id },
        data: {
          status: outcome.status,
          statusReason: outcome.reason,
          responseCode: outcome.responseCode,
          approvalCode: outcome.approvalCode,
          stan: outcome.stan,
          rrn: outcome.rrn,
          updatedAt: new Date(),
        },
      });
      await tx.transactionStatusChange.create({
        data: { transactionId: id, status: outcome.status, responseCode: outcome.responseCode, reason: outcome.reason },
      });
      if (reversal) await tx.reversal.create({ data: { transactionId: id, status: 'pending', reason: reversal.reason } });
      const event = eventOf(row);
      await this.outbox.add(tx, event.topic, event.value, { key: event.key });
      return row;
    });
  }

  historyOf(id: string): Promise<{ status: string; responseCode: string | null; reason: string | null; at: Date }[]> {
    return this.db.transactionStatusChange.findMany({
      where: { transactionId: id },
      orderBy: { id: 'asc' },
      select: { status: true, responseCode: true, reason: true, at: true },
    });
  }
}
