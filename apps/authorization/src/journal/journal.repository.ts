import { Inject, Injectable } from '@nestjs/common';

import { AUTHORIZATION_DB, AuthorizationDb } from '../database/authorization-db.provider';
import type { Transaction } from '../generated/prisma/client';

/** What the journal reads for recovery, close of day and receipts; every write goes through OperationRepository. */
@Injectable()
export class JournalRepository {
  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  findById(id: string): Promise<Transaction | null> {
    return this.db.transaction.findUnique({ where: { id } });
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
