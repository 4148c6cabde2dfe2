import type { BatchSummary, TerminalServiceReply } from '@payments/contracts';

import { cardTransactionOf } from '../terminal-message.mapper';
import {
  BatchMessage,
  CloseDayResponseMessage,
  ConnectionCheckResponseMessage,
  ReceiptCopyResponseMessage,
  ReportRequestMessage,
  ReportResponseMessage,
  TerminalServiceResponseMessage,
} from '../terminal.messages';

/** What every terminal service response starts with. */
export function serviceFieldsOf(reply: TerminalServiceReply): TerminalServiceResponseMessage {
  return { requestId: reply.requestId, message: reply.message, terminalId: reply.terminalId, merchantId: reply.merchantId, processedAt: reply.processedAt };
}

/** A connection check as ConnectionCheckResponse: the echo and its latency. */
export function connectionCheckResponseOf(reply: TerminalServiceReply): ConnectionCheckResponseMessage {
  return { ...serviceFieldsOf(reply), connection: reply.connection ?? null };
}

/** A close of day as CloseDayResponse: the closed batch and the one opened after it. */
export function closeDayResponseOf(reply: TerminalServiceReply): CloseDayResponseMessage {
  return { ...serviceFieldsOf(reply), batch: batchOf(reply.batch), nextBatchNumber: reply.nextBatchNumber ?? 0 };
}

/** A report as ReportResponse: the batch, and for a full report every operation in it. */
export function reportResponseOf(reply: TerminalServiceReply): ReportResponseMessage {
  return { ...serviceFieldsOf(reply), batch: batchOf(reply.batch), transactions: (reply.transactions ?? []).map((t) => cardTransactionOf(t)) };
}

/** A receipt copy as ReceiptCopyResponse: the operation, its receipt marked COPY. */
export function receiptCopyResponseOf(reply: TerminalServiceReply): ReceiptCopyResponseMessage {
  return { ...serviceFieldsOf(reply), transaction: reply.receipt ? cardTransactionOf(reply.receipt, true) : null };
}

const KINDS: Record<string, string | undefined> = { REPORT_KIND_UNSPECIFIED: undefined, REPORT_KIND_SHORT: 'short', REPORT_KIND_FULL: 'full' };

/** ReportRequest as REST's kind and batch: batch 0 is the open batch, as an absent ?batch. Unknown kinds pass through, for validation to name. */
export function reportDtoOf(request: ReportRequestMessage): object {
  const kind = String(request.kind);
  return { kind: kind in KINDS ? KINDS[kind] : kind, batchNumber: request.batchNumber > 0 ? request.batchNumber : undefined };
}

const BATCH_STATUSES: Record<BatchSummary['status'], BatchMessage['status']> = { open: 'BATCH_STATUS_OPEN', closed: 'BATCH_STATUS_CLOSED' };

const RECONCILIATIONS: Record<NonNullable<BatchSummary['reconciliation']>, BatchMessage['reconciliation']> = {
  in_balance: 'RECONCILIATION_IN_BALANCE',
  out_of_balance: 'RECONCILIATION_OUT_OF_BALANCE',
  not_reconciled: 'RECONCILIATION_NOT_RECONCILED',
};

/** A batch summary as the Batch message; amounts stay decimal strings (int64 minor units). */
export function batchOf(batch: BatchSummary | undefined): BatchMessage | null {
  if (!batch) return null;
  return {
    batchNumber: batch.batchNumber,
    status: BATCH_STATUSES[batch.status] ?? 'BATCH_STATUS_UNSPECIFIED',
    openedAt: batch.openedAt,
    closedAt: batch.closedAt ?? '',
    reconciliation: batch.reconciliation ? RECONCILIATIONS[batch.reconciliation] : 'RECONCILIATION_UNSPECIFIED',
    totals: batch.totals.map((t) => ({
      currency: t.currency,
      debitCount: t.debitCount,
      debitAmountMinor: t.debitAmountMinor,
      creditCount: t.creditCount,
      creditAmountMinor: t.creditAmountMinor,
      debitReversalCount: t.debitReversalCount,
      debitReversalAmountMinor: t.debitReversalAmountMinor,
    })),
  };
}
