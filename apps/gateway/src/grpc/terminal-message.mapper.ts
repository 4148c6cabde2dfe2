import type { AuthorizeReply, Operation } from '@payments/contracts';

import type { OperationResponse } from '../receipts/operation-response.mapper';
import { CardTransactionMessage, EncryptedCardMessage, MoneyMessage, OperationName, TransactionStatusName } from './terminal.messages';

/*
 * Request messages become REST bodies before validation, so gRPC gets the REST rules and
 * messages. proto3 has no "absent": an unset amount or card reads as empty, and fails validation
 * naming the field, as a missing REST field does.
 */

/** `amount` and `currency` of a REST body. Above 2^53 Number() is inexact, but far above the 12-digit limit the DTO enforces. */
export function amountFieldsOf(money: MoneyMessage | null): { amount: number; currency: string } {
  return { amount: Number(money?.amountMinor || '0'), currency: money?.currency ?? '' };
}

export function encryptedCardOf(card: EncryptedCardMessage | null): EncryptedCardMessage {
  return { bdkId: card?.bdkId ?? '', ksn: card?.ksn ?? '', ciphertext: card?.ciphertext ?? '' };
}

const ENTRY_MODES: Record<string, string | undefined> = {
  ENTRY_MODE_UNSPECIFIED: undefined,
  ENTRY_MODE_CHIP: 'chip',
  ENTRY_MODE_CONTACTLESS: 'contactless',
  ENTRY_MODE_MAGSTRIPE: 'magstripe',
};

/** Unspecified: left out (the use case reads chip). Unknown values pass through, for validation to name. */
export function entryModeOf(mode: string | number | null | undefined): string | undefined {
  if (mode === null || mode === undefined) return undefined;
  const name = String(mode);
  return name in ENTRY_MODES ? ENTRY_MODES[name] : name;
}

const OPERATIONS: Record<Operation, OperationName> = {
  purchase: 'OPERATION_PURCHASE',
  cash_withdrawal: 'OPERATION_CASH_WITHDRAWAL',
  top_up: 'OPERATION_TOP_UP',
  preauthorization: 'OPERATION_PREAUTHORIZATION',
  balance_inquiry: 'OPERATION_BALANCE_INQUIRY',
  card_data: 'OPERATION_CARD_DATA',
  cancel: 'OPERATION_CANCEL',
  refund: 'OPERATION_REFUND',
  completion: 'OPERATION_COMPLETION',
  emergency_cancel: 'OPERATION_EMERGENCY_CANCEL',
};

const STATUSES: Record<AuthorizeReply['status'], TransactionStatusName> = {
  approved: 'TRANSACTION_STATUS_APPROVED',
  declined: 'TRANSACTION_STATUS_DECLINED',
  failed: 'TRANSACTION_STATUS_FAILED',
  rejected: 'TRANSACTION_STATUS_REJECTED',
  prompt: 'TRANSACTION_STATUS_PROMPT',
};

/** A REST operation body (a fresh one or a replay from the idempotency store) as the message. */
export function cardTransactionOf(body: OperationResponse): CardTransactionMessage {
  return {
    transactionId: body.transactionId,
    operation: OPERATIONS[body.operation] ?? 'OPERATION_UNSPECIFIED',
    status: STATUSES[body.status] ?? 'TRANSACTION_STATUS_UNSPECIFIED',
    responseCode: body.responseCode,
    responseText: body.responseText,
    approvalCode: body.approvalCode ?? '',
    rrn: body.rrn ?? '',
    stan: body.stan ?? '',
    maskedPan: body.maskedPan ?? '',
    cardScheme: body.cardScheme ?? '',
    amount: { amountMinor: String(body.amount), currency: body.currency },
    terminalId: body.terminalId,
    merchantId: body.merchantId,
    processedAt: body.processedAt,
    originalTransactionId: body.originalTransactionId ?? '',
    balance: body.balance === undefined ? null : { amountMinor: String(body.balance), currency: body.currency },
    cardExpiry: body.cardExpiry ?? '',
    expiresAt: body.expiresAt ?? '',
    batchNumber: body.batchNumber ?? 0,
    receiptLines: body.receipt,
  };
}
