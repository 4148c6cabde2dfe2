import type { BatchSummary, TerminalServiceReply } from '@payments/contracts';

import type { OperationResponse } from '../../receipts/operation-response.mapper';
import { BatchMessage, TerminalServiceResponseMessage } from '../terminal.messages';

/** A 2xx terminal service body as the gateway's REST API answers it: operations already as register responses. */
export type TerminalServiceBody = Omit<TerminalServiceReply, 'transactions' | 'receipt'> & { transactions?: OperationResponse[]; receipt?: OperationResponse };

/** What every terminal service response starts with. */
export function serviceFieldsOf(body: TerminalServiceBody): TerminalServiceResponseMessage {
  return { requestId: body.requestId, message: body.message, terminalId: body.terminalId, merchantId: body.merchantId, processedAt: body.processedAt };
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
