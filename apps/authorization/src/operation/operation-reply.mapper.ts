import type { AuthorizeReply, Operation, TransactionAuthorized, TransactionDeclined } from '@payments/contracts';

import { responseTextOf } from '../acquirer/response-codes';
import type { Transaction } from '../generated/prisma/client';

const REPLY_STATUS: Record<string, AuthorizeReply['status']> = {
  approved: 'approved',
  cancelled: 'approved',
  refunded: 'approved',
  completed: 'approved',
  expired: 'approved',
  declined: 'declined',
  rejected: 'rejected',
  awaiting_cashier: 'prompt',
};

/**
 * What the register gets: a journal row, as the receipt needs it. An original later cancelled,
 * refunded or completed was still approved when it happened (a receipt copy says so).
 */
export function replyOf(row: Transaction, extra: Pick<AuthorizeReply, 'cardExpiry'> = {}): AuthorizeReply {
  return {
    transactionId: row.id,
    operation: row.operation as Operation,
    status: REPLY_STATUS[row.status] ?? 'failed',
    responseCode: row.responseCode ?? '96',
    responseText: row.status === 'rejected' ? (row.statusReason ?? 'rejected') : responseTextOf(row.responseCode ?? '96'),
    approvalCode: row.approvalCode ?? undefined,
    rrn: row.rrn ?? undefined,
    stan: row.stan ?? undefined,
    maskedPan: row.maskedPan ?? undefined,
    cardToken: row.cardToken ?? undefined,
    cardScheme: row.cardScheme ?? undefined,
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    processedAt: row.updatedAt.toISOString(),
    originalTransactionId: row.originalId ?? undefined,
    balanceMinor: row.balanceMinor?.toString(),
    expiresAt: row.operation === 'preauthorization' && row.expiresAt ? row.expiresAt.toISOString() : undefined,
    batchNumber: row.batchNumber,
    ...extra,
  };
}

type EventBase = Omit<TransactionAuthorized, 'responseCode' | 'rrn' | 'approvalCode' | 'occurredAt'>;

type EventRow = Pick<
  Transaction,
  | 'id'
  | 'operation'
  | 'originalId'
  | 'batchNumber'
  | 'terminalId'
  | 'merchantId'
  | 'amountMinor'
  | 'currency'
  | 'maskedPan'
  | 'cardToken'
  | 'cardScheme'
  | 'businessDay'
  | 'acquirerId'
>;

export function eventBaseOf(row: EventRow): EventBase {
  return {
    transactionId: row.id,
    operation: row.operation as Operation,
    originalTransactionId: row.originalId ?? undefined,
    batchNumber: row.batchNumber,
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    acquirerId: row.acquirerId ?? undefined,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    maskedPan: row.maskedPan ?? undefined,
    cardToken: row.cardToken ?? undefined,
    cardScheme: row.cardScheme ?? undefined,
    businessDay: row.businessDay.toISOString().slice(0, 10),
  };
}

export function declinedEvent(base: EventBase, status: TransactionDeclined['status'], responseCode: string, reason: string, at: Date): TransactionDeclined {
  return { ...base, status, responseCode, reason, occurredAt: at.toISOString() };
}
