import { responseTextOf } from '../acquirer/response-codes';
import type { Transaction } from '../generated/prisma/client';

/** One journal row as operators see it: card data masked or tokenized only (PCI DSS 3.4). */
export function journalViewOf(row: Transaction) {
  return {
    transactionId: row.id,
    operation: row.operation,
    status: row.status,
    statusReason: row.statusReason,
    responseCode: row.responseCode,
    responseText: row.responseCode ? responseTextOf(row.responseCode) : undefined,
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    maskedPan: row.maskedPan,
    cardToken: row.cardToken,
    cardScheme: row.cardScheme,
    stan: row.stan,
    rrn: row.rrn,
    approvalCode: row.approvalCode,
    originalTransactionId: row.originalId,
    batchNumber: row.batchNumber,
    businessDay: row.businessDay.toISOString().slice(0, 10),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const JOURNAL_CSV_COLUMNS = [
  'transactionId',
  'createdAt',
  'businessDay',
  'batchNumber',
  'terminalId',
  'merchantId',
  'operation',
  'status',
  'amountMinor',
  'currency',
  'maskedPan',
  'cardToken',
  'cardScheme',
  'stan',
  'rrn',
  'approvalCode',
  'responseCode',
  'statusReason',
  'originalTransactionId',
] as const;
