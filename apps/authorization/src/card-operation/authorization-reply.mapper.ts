import type { AuthorizeReply, TransactionAuthorized, TransactionDeclined } from '@payments/contracts';

import { responseTextOf } from '../acquirer/response-codes';
import type { Transaction } from '../generated/prisma/client';

/** What the register gets: a final journal row, as the receipt needs it. */
export function replyOf(row: Transaction): AuthorizeReply {
  return {
    transactionId: row.id,
    status: row.status === 'approved' ? 'approved' : row.status === 'declined' ? 'declined' : 'failed',
    responseCode: row.responseCode ?? '96',
    responseText: responseTextOf(row.responseCode ?? '96'),
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
  };
}

type EventBase = Omit<TransactionAuthorized, 'responseCode' | 'rrn' | 'approvalCode' | 'occurredAt'>;

export function eventBaseOf(row: Pick<Transaction, 'id' | 'terminalId' | 'merchantId' | 'amountMinor' | 'currency' | 'maskedPan' | 'cardToken' | 'cardScheme' | 'businessDay'>): EventBase {
  return {
    transactionId: row.id,
    operation: 'purchase',
    terminalId: row.terminalId,
    merchantId: row.merchantId,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    maskedPan: row.maskedPan ?? undefined,
    cardToken: row.cardToken ?? undefined,
    cardScheme: row.cardScheme ?? undefined,
    businessDay: row.businessDay.toISOString().slice(0, 10),
  };
}

export function declinedEvent(base: EventBase, status: 'declined' | 'failed', responseCode: string, reason: string, at: Date): TransactionDeclined {
  return { ...base, status, responseCode, reason, occurredAt: at.toISOString() };
}
