import { Inject, Injectable } from '@nestjs/common';

import type { BatchTotals } from '@payments/contracts';

import { AUTHORIZATION_DB, AuthorizationDb } from '../database/authorization-db.provider';
import type { TerminalBatch } from '../generated/prisma/client';

export type Reconciliation = 'in_balance' | 'out_of_balance' | 'not_reconciled';

/** A terminal's batches: exactly one open (a partial unique index), opened on first use. */
@Injectable()
export class TerminalBatchRepository {
  constructor(@Inject(AUTHORIZATION_DB) private readonly db: AuthorizationDb) {}

  /** The open batch's number; the terminal's first operation opens batch 1. */
  async openBatchNumber(terminalId: string, merchantId: string): Promise<number> {
    const open = await this.db.terminalBatch.findFirst({ where: { terminalId, status: 'open' }, select: { batchNumber: true } });
    if (open) return open.batchNumber;
    // Two first operations at once: one insert wins, the other does nothing and reads it.
    await this.db.$executeRawUnsafe(
      `INSERT INTO "authorization"."terminal_batch" ("terminal_id", "batch_number", "merchant_id", "status") VALUES ($1, 1, $2, 'open') ON CONFLICT DO NOTHING`,
      terminalId,
      merchantId,
    );
    const created = await this.db.terminalBatch.findFirst({ where: { terminalId, status: 'open' }, select: { batchNumber: true } });
    if (!created) throw new Error(`terminal ${terminalId} has no open batch and none could be opened`);
    return created.batchNumber;
  }

  find(terminalId: string, batchNumber: number): Promise<TerminalBatch | null> {
    return this.db.terminalBatch.findUnique({ where: { terminalId_batchNumber: { terminalId, batchNumber } } });
  }

  /**
   * Close of day, step 1: the open batch stops taking operations and the next one opens, in one
   * database transaction. Returns the batch being closed, or null when another close got it first.
   */
  async startClose(terminalId: string, merchantId: string): Promise<{ closing: number; next: number } | null> {
    const closing = await this.openBatchNumber(terminalId, merchantId);
    return this.db.$transaction(async (tx) => {
      const moved = await tx.terminalBatch.updateMany({ where: { terminalId, batchNumber: closing, status: 'open' }, data: { status: 'closing' } });
      if (moved.count === 0) return null;
      await tx.terminalBatch.create({ data: { terminalId, batchNumber: closing + 1, merchantId, status: 'open' } });
      return { closing, next: closing + 1 };
    });
  }

  /** Step 2: the batch's totals and what the host said of them. */
  finishClose(terminalId: string, batchNumber: number, totals: BatchTotals[], reconciliation: Reconciliation): Promise<TerminalBatch> {
    return this.db.terminalBatch.update({
      where: { terminalId_batchNumber: { terminalId, batchNumber } },
      data: { status: 'closed', closedAt: new Date(), totals: totals, reconciliation },
    });
  }
}
