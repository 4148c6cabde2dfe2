import { Injectable, Logger } from '@nestjs/common';

import type { BatchTotals, TerminalServiceReply } from '@payments/contracts';
import { currencyByAlpha } from '@payments/money';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { buildReconciliationRequest } from '../acquirer/reconciliation-request.builder';
import { APPROVED } from '../acquirer/response-codes';
import { batchTotalsOf } from '../batch/batch-totals.calculator';
import { Reconciliation, TerminalBatchRepository } from '../batch/terminal-batch.repository';
import { JournalRepository } from '../journal/journal.repository';
import { batchSummaryOf } from './batch-summary.mapper';

type CloseDayReply = Omit<TerminalServiceReply, 'requestId' | 'processedAt'>;

/**
 * Close of day for one terminal: the open batch stops taking operations and the next one opens
 * (so nothing falls between), its totals go to the host in a 0500 per currency, and the batch is
 * closed with what the host said: in balance (00 for every currency), out of balance, or not
 * reconciled when the host did not answer. Cancels of its operations are refused from then on.
 */
@Injectable()
export class CloseDayUseCase {
  private readonly logger = new Logger(CloseDayUseCase.name);

  constructor(
    private readonly batches: TerminalBatchRepository,
    private readonly journal: JournalRepository,
    private readonly acquirer: AcquirerClient,
  ) {}

  async execute(terminalId: string, merchantId: string): Promise<CloseDayReply> {
    const started = await this.batches.startClose(terminalId, merchantId);
    if (!started)
      return { operation: 'close_day', status: 'rejected', message: 'another close of day of this terminal is in progress', terminalId, merchantId };
    const rows = await this.journal.findBatchRows(terminalId, started.closing);
    const totals = batchTotalsOf(rows);
    const { reconciliation, detail } = await this.reconcile(this.totalsByAcquirer(rows), terminalId, merchantId, started.closing);
    const batch = await this.batches.finishClose(terminalId, started.closing, totals, reconciliation);
    this.logger.log(`terminal ${terminalId} batch ${started.closing} closed: ${reconciliation}`);
    return {
      operation: 'close_day',
      status: reconciliation === 'not_reconciled' ? 'failed' : 'ok',
      message: `batch ${started.closing} closed, ${detail}; batch ${started.next} open`,
      terminalId,
      merchantId,
      batch: batchSummaryOf(batch),
      nextBatchNumber: started.next,
    };
  }

  /** Each acquirer reconciles what went to it: the batch's totals split by the acquirer on each row. */
  private totalsByAcquirer(rows: readonly BatchRow[]): Map<string, BatchTotals[]> {
    const rowsOf = new Map<string, BatchRow[]>();
    for (const row of rows) {
      const acquirerId = this.acquirer.acquirerOf(row);
      rowsOf.set(acquirerId, [...(rowsOf.get(acquirerId) ?? []), row]);
    }
    const totals = new Map<string, BatchTotals[]>();
    for (const [acquirerId, ofAcquirer] of [...rowsOf.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const sums = batchTotalsOf(ofAcquirer);
      if (sums.length > 0) totals.set(acquirerId, sums);
    }
    return totals;
  }

  private async reconcile(
    totals: Map<string, BatchTotals[]>,
    terminalId: string,
    merchantId: string,
    batchNumber: number,
  ): Promise<{ reconciliation: Reconciliation; detail: string }> {
    const codes: string[] = [];
    const named = this.acquirer.acquirerIds().length > 1;
    try {
      for (const [acquirerId, ofAcquirer] of totals) {
        for (const currencyTotals of ofAcquirer) {
          const at = new Date();
          const { stan } = await this.acquirer.nextReferenceFor(acquirerId, at);
          const request = buildReconciliationRequest(
            currencyTotals,
            currencyByAlpha(currencyTotals.currency).numeric,
            { stan, terminalId, merchantId, batchNumber },
            at,
          );
          const response = await this.acquirer.sendTo(acquirerId, request);
          codes.push(`${named ? `${acquirerId} ` : ''}${currencyTotals.currency} ${response.fields[39] ?? '96'}`);
        }
      }
    } catch (error) {
      return { reconciliation: 'not_reconciled', detail: `host did not confirm the totals (${error instanceof Error ? error.message : String(error)})` };
    }
    if (totals.size === 0) return { reconciliation: 'in_balance', detail: 'no operations to reconcile' };
    const balanced = codes.every((c) => c.endsWith(` ${APPROVED}`));
    return { reconciliation: balanced ? 'in_balance' : 'out_of_balance', detail: `host answered ${codes.join(', ')}` };
  }
}

type BatchRow = Awaited<ReturnType<JournalRepository['findBatchRows']>>[number];
