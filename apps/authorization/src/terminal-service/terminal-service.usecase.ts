import { Injectable } from '@nestjs/common';

import type { TerminalServiceReply, TerminalServiceRequest } from '@payments/contracts';

import { AcquirerClient } from '../acquirer/acquirer.client';
import { batchTotalsOf } from '../batch/batch-totals.calculator';
import { TerminalBatchRepository } from '../batch/terminal-batch.repository';
import { JournalRepository } from '../journal/journal.repository';
import { replyOf } from '../operation/operation-reply.mapper';
import { OriginalRepository } from '../operation/original.repository';
import { batchSummaryOf } from './batch-summary.mapper';
import { CloseDayUseCase } from './close-day.usecase';

type Reply = Omit<TerminalServiceReply, 'requestId' | 'processedAt'>;

/** Connection check, close day, reports and receipt copies for one register. */
@Injectable()
export class TerminalServiceUseCase {
  constructor(
    private readonly closeDay: CloseDayUseCase,
    private readonly batches: TerminalBatchRepository,
    private readonly journal: JournalRepository,
    private readonly originals: OriginalRepository,
    private readonly acquirer: AcquirerClient,
  ) {}

  async execute(request: TerminalServiceRequest): Promise<TerminalServiceReply> {
    const reply = await this.dispatch(request);
    return { ...reply, requestId: request.requestId, processedAt: new Date().toISOString() };
  }

  private dispatch(request: TerminalServiceRequest): Promise<Reply> {
    switch (request.operation) {
      case 'connection_check':
        return this.connectionCheck(request.terminalId, request.merchantId);
      case 'close_day':
        return this.closeDay.execute(request.terminalId, request.merchantId);
      case 'report':
        return this.report(request.terminalId, request.merchantId, request.kind, request.batchNumber);
      case 'receipt_copy':
        return this.receiptCopy(request.terminalId, request.merchantId, request.transactionId);
    }
  }

  /**
   * An echo (0800, DE 70 = 301) through to every acquirer the terminal's cards may go to: the
   * register learns the whole path works. `connection` is the default acquirer's echo.
   */
  private async connectionCheck(terminalId: string, merchantId: string): Promise<Reply> {
    const base = { operation: 'connection_check' as const, terminalId, merchantId };
    const acquirers = this.acquirer.acquirerIds();
    const named = (id: string, text: string): string => (acquirers.length > 1 ? `${id} ${text}` : text);
    const echoes = await Promise.all(acquirers.map((id) => this.echo(id)));
    const failed = echoes.filter((echo) => !echo.ok);
    if (failed.length > 0) return { ...base, status: 'failed', message: `host not reachable: ${failed.map((echo) => named(echo.id, echo.text)).join('; ')}` };
    const defaultId = this.acquirer.acquirerOf({ acquirerId: null });
    const latencyMs = echoes.find((echo) => echo.id === defaultId)?.latencyMs ?? 0;
    const message = acquirers.length > 1 ? `hosts reachable: ${echoes.map((echo) => named(echo.id, echo.text)).join(', ')}` : 'host reachable';
    return { ...base, status: 'ok', message, connection: { acquirer: defaultId, latencyMs, responseCode: '00' } };
  }

  private echo(id: string): Promise<{ id: string; ok: boolean; latencyMs?: number; text: string }> {
    return this.acquirer.echo(id).then(
      ({ latencyMs }) => ({ id, ok: true, latencyMs: Math.round(latencyMs * 10) / 10, text: `${Math.round(latencyMs * 10) / 10} ms` }),
      (error: unknown) => ({ id, ok: false, text: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Short: the batch's totals; full: also every operation in it. The open batch when none is named. */
  private async report(terminalId: string, merchantId: string, kind: 'full' | 'short', batchNumber?: number): Promise<Reply> {
    const number = batchNumber ?? (await this.batches.openBatchNumber(terminalId, merchantId));
    const batch = await this.batches.find(terminalId, number);
    if (!batch) return { operation: 'report', status: 'rejected', message: `terminal ${terminalId} has no batch ${number}`, terminalId, merchantId };
    const rows = await this.journal.findBatchRows(terminalId, number);
    const live = batch.status === 'open' ? batchTotalsOf(rows) : undefined;
    return {
      operation: 'report',
      status: 'ok',
      message: `${kind} report of batch ${number} (${rows.length} operations)`,
      terminalId,
      merchantId,
      batch: batchSummaryOf(batch, live),
      transactions: kind === 'full' ? rows.filter((r) => r.status !== 'pending').map((r) => replyOf(r)) : undefined,
    };
  }

  private async receiptCopy(terminalId: string, merchantId: string, transactionId?: string): Promise<Reply> {
    const row = transactionId ? await this.originals.find(terminalId, { transactionId }) : await this.originals.last(terminalId);
    if (!row || row.status === 'pending') {
      return {
        operation: 'receipt_copy',
        status: 'rejected',
        message: transactionId ? `transaction ${transactionId} not found for this terminal` : 'the terminal has no operation yet',
        terminalId,
        merchantId,
      };
    }
    return { operation: 'receipt_copy', status: 'ok', message: `copy of the receipt of ${row.id}`, terminalId, merchantId, receipt: replyOf(row) };
  }
}
