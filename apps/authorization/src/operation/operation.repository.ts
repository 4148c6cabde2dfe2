import { Inject, Injectable } from '@nestjs/common';

import { TopicContract } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlRow } from '@payments/persistence';

import { AUTHORIZATION_DB, AUTHORIZATION_SQL, AuthorizationDb, AuthorizationSql, AuthorizationTx } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';
import { JournalRecord, journalVersionOf } from './journal-row.mapper';
import { OPEN_SQL, RAIL_REFERENCE_SQL, RECORD_OUTCOME_SQL } from './journal.sql';
import { JournalVersions } from './journal-versions';
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

/** A final outcome recorded in one call: the change, its event (made from the changed row) and what comes with it. */
export interface OutcomeChange<T> extends StatusChange {
  readonly fields?: Pick<StatusFields, 'statusReason' | 'responseCode' | 'approvalCode' | 'stan' | 'rrn' | 'balanceMinor'>;
  readonly eventOf: (row: Transaction) => OutboxEvent<T> | undefined;
  /** An unknown outcome's store-and-forward reversal. */
  readonly reversalReason?: string;
  /** An approval: take the abandonment lock and write nothing if the register gave up. */
  readonly abandonmentLock: boolean;
}

/** What `open` did: journaled the attempt, or wrote nothing (the id was taken; the terminal has no open batch). */
export type OpenResult = 'journaled' | 'already_journaled' | 'no_open_batch';

type OutcomeResult = 'recorded' | 'stale' | 'abandoned';

/** The fields a change sets: undefined leaves a column as it is (as Prisma's update does). */
const definedOf = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * The Operation aggregate's store: the only code that writes an operation's status, its status
 * history and its outbox events. A change is checked against the transition table and applied
 * only while the row still has the status it was decided on, so a slow process and the recovery
 * of its attempt never both win.
 */
@Injectable()
export class OperationRepository {
  private readonly outbox = new OutboxWriter('authorization');
  private readonly versions = new JournalVersions();

  constructor(
    @Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb,
    @Inject(AUTHORIZATION_SQL) private readonly sql: AuthorizationSql,
  ) {}

  findById(id: string): Promise<Transaction | null> {
    return this.db.transaction.findUnique({ where: { id } });
  }

  /**
   * The attempt is journaled before anything else is asked (card source, risk check, rail): the
   * row and its first history row in one statement, into the terminal's open batch unless the
   * entry names one. Nothing is written when the id is already journaled (a replay, or the same
   * request twice at once) or the terminal has no open batch yet.
   */
  async open(entry: PendingEntry): Promise<OpenResult> {
    const { card } = entry;
    const [result] = await this.sql.query<Partial<JournalRecord> & { batch_open: boolean }>(OPEN_SQL, [
      entry.id,
      entry.operation,
      entry.terminalId,
      entry.merchantId,
      entry.amountMinor.toString(),
      entry.currency,
      entry.requestHash,
      entry.businessDay,
      entry.batchNumber ?? null,
      entry.originalId ?? null,
      entry.expiresAt?.toISOString() ?? null,
      card?.token ?? null,
      card?.maskedPan ?? null,
      card?.scheme ?? null,
      card?.panKeyId ?? null,
      card?.panCiphertext ?? null,
    ]);
    if (!result?.batch_open) return 'no_open_batch';
    if (result.version === undefined || result.version === null) return 'already_journaled';
    this.versions.set(entry.id, journalVersionOf(result as JournalRecord));
    return 'journaled';
  }

  /** A follow-up whose original became known later (the cashier keyed its RRN): the row takes it. */
  async attachOriginal(id: string, original: { originalId: string; amountMinor?: bigint; currency: string; card?: PendingEntry['card'] }): Promise<void> {
    const { card } = original;
    this.versions.forget(id);
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

  /**
   * Records what is sent to the rail before it is asked, so a reversal can name it (one
   * statement). With `unlessAbandoned`, records nothing and returns false when the operation's
   * register has already reported that it gave up: the rail is then not asked at all.
   */
  async recordRailReference(
    id: string,
    ref: { acquirerId: string; stan: string; rrn: string; sentAt: Date; mti: string; processingCode: string },
    unlessAbandoned = false,
  ): Promise<boolean> {
    const [record] = await this.sql.query<JournalRecord & SqlRow>(RAIL_REFERENCE_SQL, [
      id,
      ref.acquirerId,
      ref.stan,
      ref.rrn,
      ref.sentAt.toISOString(),
      ref.mti,
      ref.processingCode,
      unlessAbandoned,
    ]);
    if (record && this.versions.get(id)) this.versions.set(id, journalVersionOf(record));
    else this.versions.forget(id);
    return record !== undefined;
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
    this.versions.forget(id);
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

  /**
   * `from` -> `change.to` of an attempt this process journaled, with its history row, the queued
   * reversal and the event made from the changed row: one call, one commit, no transaction held
   * open in between. Refused (nothing written) when the table does not allow it. Returns
   * undefined, having written nothing, when the attempt is not tracked here, the row is no longer
   * the version the event was made from, or (`abandonmentLock`) its register gave up: the caller
   * then records the outcome in a transaction of its own.
   */
  async recordOutcome<T>(id: string, from: string, change: OutcomeChange<T>): Promise<Transaction | undefined> {
    if (!isAllowedTransition(from, change.to)) throw new StatusTransitionError(id, from, change.to);
    const tracked = this.versions.get(id);
    if (!tracked || tracked.row.status !== from) return undefined;
    const fields = change.fields ?? {};
    const row: Transaction = { ...tracked.row, ...definedOf(fields), status: change.to };
    const event = change.eventOf(row);
    const outbox = event && this.outbox.row(event.topic, event.value, { key: event.key });
    const [result] = await this.sql.query<{ result: OutcomeResult; updated_at: Date | string | null }>(RECORD_OUTCOME_SQL, [
      id,
      from,
      tracked.version,
      change.to,
      change.reason,
      change.responseCode ?? null,
      fields.approvalCode ?? null,
      fields.stan ?? null,
      fields.rrn ?? null,
      fields.balanceMinor?.toString() ?? null,
      change.abandonmentLock,
      change.reversalReason ?? null,
      outbox?.id ?? null,
      outbox?.topic ?? null,
      outbox?.key ?? null,
      outbox?.payload ?? null,
      outbox?.headers ?? null,
      outbox?.channel ?? null,
    ]);
    if (result?.result !== 'recorded' || !result.updated_at) {
      if (result?.result === 'stale') this.versions.forget(id);
      return undefined;
    }
    this.versions.forget(id);
    return { ...row, updatedAt: result.updated_at instanceof Date ? result.updated_at : new Date(result.updated_at) };
  }

  /** An event that commits (or not) with the caller's transaction. */
  async addEvent<T>(tx: AuthorizationTx, event: OutboxEvent<T>): Promise<void> {
    await this.outbox.add(tx, event.topic, event.value, { key: event.key });
  }
}
