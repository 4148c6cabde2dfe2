import { Inject, Injectable } from '@nestjs/common';

import { TopicContract } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';

import { AUTHORIZATION_DB, AuthorizationDb, AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import { JournalStatus, Outcome, PendingEntry } from './journal-entry';

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
          batchNumber: entry.batchNumber,
          originalId: entry.originalId,
          expiresAt: entry.expiresAt,
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

  /** Records what is sent to the host before it is asked, so a reversal can name it. */
  async recordHostReference(
    id: string,
    ref: { acquirerId: string; stan: string; rrn: string; sentAt: Date; mti: string; processingCode: string },
  ): Promise<void> {
    await this.db.transaction.update({
      where: { id },
      data: { acquirerId: ref.acquirerId, stan: ref.stan, rrn: ref.rrn, hostSentAt: ref.sentAt, hostMti: ref.mti, processingCode: ref.processingCode },
    });
  }

  /**
   * Final state, its history row, the outbox event (made from the final row) and (for an unknown
   * outcome) the queued reversal: one database transaction, so nothing is half-written.
   */
  async finalize<T>(
    id: string,
    outcome: Outcome,
    eventOf: (row: Transaction) => OutboxEvent<T> | undefined,
    reversal?: { reason: string },
    effects?: (tx: AuthorizationTx, row: Transaction) => Promise<void>,
    from: JournalStatus = 'pending',
  ): Promise<Transaction> {
    return this.db.$transaction((tx) => this.finalizeIn(tx, id, outcome, eventOf, reversal, effects, from));
  }

  /** `finalize` inside the caller's database transaction (which decided the outcome on what it read there). */
  async finalizeIn<T>(
    tx: AuthorizationTx,
    id: string,
    outcome: Outcome,
    eventOf: (row: Transaction) => OutboxEvent<T> | undefined,
    reversal?: { reason: string },
    effects?: (tx: AuthorizationTx, row: Transaction) => Promise<void>,
    from: JournalStatus = 'pending',
  ): Promise<Transaction> {
    // Only from the expected status: a slow process and the recovery of its attempt never both win.
    const row = await tx.transaction.update({
      where: { id, status: from },
      data: {
        status: outcome.status,
        statusReason: outcome.reason,
        responseCode: outcome.responseCode,
        approvalCode: outcome.approvalCode,
        stan: outcome.stan,
        rrn: outcome.rrn,
        balanceMinor: outcome.balanceMinor,
        updatedAt: new Date(),
      },
    });
    await tx.transactionStatusChange.create({
      data: { transactionId: id, status: outcome.status, responseCode: outcome.responseCode, reason: outcome.reason },
    });
    if (reversal) await tx.reversal.create({ data: { transactionId: id, status: 'pending', reason: reversal.reason } });
    await effects?.(tx, row);
    const event = eventOf(row);
    if (event) await this.addEvent(tx, event);
    return row;
  }

  /** Runs `work` in one database transaction: an outcome decided on rows it locked there. */
  transaction<R>(work: (tx: AuthorizationTx) => Promise<R>): Promise<R> {
    return this.db.$transaction(work);
  }

  /** The row, locked until the caller's transaction ends (follow-ups and outcomes then wait). */
  async lockById(tx: AuthorizationTx, id: string): Promise<Transaction | null> {
    await tx.$executeRawUnsafe(`SELECT 1 FROM "authorization"."transaction" WHERE "id" = $1::uuid FOR UPDATE`, id);
    return tx.transaction.findUnique({ where: { id } });
  }

  /** Whether the row was ever approved: its approval then went out as payments.transaction.authorized.v1. */
  async wasAuthorized(tx: AuthorizationTx, id: string): Promise<boolean> {
    return (await tx.transactionStatusChange.count({ where: { transactionId: id, status: 'approved' } })) > 0;
  }

  /** An event that commits (or not) with the caller's transaction. */
  async addEvent<T>(tx: AuthorizationTx, event: OutboxEvent<T>): Promise<void> {
    await this.outbox.add(tx, event.topic, event.value, { key: event.key });
  }

  /** Attempts still pending long after any answer could come: their process stopped mid-way. */
  findStalePending(before: Date, limit: number): Promise<Transaction[]> {
    // Since the last change: an attempt that waited for the cashier is pending again from the answer on.
    return this.db.transaction.findMany({ where: { status: 'pending', updatedAt: { lt: before } }, orderBy: { updatedAt: 'asc' }, take: limit });
  }

  /** Approved preauthorizations past their expiry and never completed: their hold must be released. */
  findLapsedPreauthorizations(now: Date, limit: number): Promise<Transaction[]> {
    return this.db.transaction.findMany({
      where: { operation: 'preauthorization', status: 'approved', completedMinor: 0, expiresAt: { lte: now } },
      orderBy: { expiresAt: 'asc' },
      take: limit,
    });
  }

  /** A terminal batch's operations, oldest first, each cancel with its original's operation. */
  async findBatchRows(terminalId: string, batchNumber: number): Promise<(Transaction & { originalOperation?: string })[]> {
    const rows = await this.db.transaction.findMany({ where: { terminalId, batchNumber }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const originalIds = [...new Set(rows.map((r) => r.originalId).filter((id): id is string => id !== null))];
    const originals =
      originalIds.length === 0 ? [] : await this.db.transaction.findMany({ where: { id: { in: originalIds } }, select: { id: true, operation: true } });
    const operationOf = new Map(originals.map((o) => [o.id, o.operation]));
    return rows.map((r) => ({ ...r, originalOperation: r.originalId ? operationOf.get(r.originalId) : undefined }));
  }

  historyOf(id: string): Promise<{ status: string; responseCode: string | null; reason: string | null; at: Date }[]> {
    return this.db.transactionStatusChange.findMany({
      where: { transactionId: id },
      orderBy: { id: 'asc' },
      select: { status: true, responseCode: true, reason: true, at: true },
    });
  }
}
