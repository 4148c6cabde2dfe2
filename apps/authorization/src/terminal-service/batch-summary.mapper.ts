import type { BatchSummary, BatchTotals } from '@payments/contracts';

import type { TerminalBatch } from '../generated/prisma/client';

/** A batch row for the register; an open batch's totals are computed live by the caller. */
export function batchSummaryOf(batch: TerminalBatch, liveTotals?: BatchTotals[]): BatchSummary {
  const reconciliation = batch.reconciliation as BatchSummary['reconciliation'] | null;
  return {
    batchNumber: batch.batchNumber,
    // A batch being closed takes no more operations: closed, for the register.
    status: batch.status === 'open' ? 'open' : 'closed',
    openedAt: batch.openedAt.toISOString(),
    closedAt: batch.closedAt?.toISOString(),
    reconciliation: reconciliation ?? undefined,
    totals: liveTotals ?? (batch.totals as unknown as BatchTotals[]),
  };
}
