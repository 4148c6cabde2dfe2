import type { AuthorizeReply, CashierPrompt, Operation, PromptInput } from '@payments/contracts';

import { receiptLinesOf } from '../receipts/operation-response.mapper';
import {
  CardInquiryRequestMessage,
  CardPaymentRequestMessage,
  CardTransactionMessage,
  CashierPromptMessage,
  EncryptedCardMessage,
  EncryptedPinMessage,
  FollowUpRequestMessage,
  MoneyMessage,
  OperationName,
  PromptInputTypeName,
  TransactionStatusName,
} from './terminal.messages';

/*
 * Request messages become REST bodies before validation, so gRPC gets the REST rules and
 * messages. An unset message field (amount, card) is left out, so validation says it is required
 * as it does for a missing REST field; an empty string inside a set one fails naming that field.
 */

/** `amount` and `currency` of a REST body. Above 2^53 Number() is inexact, but far above the 12-digit limit the DTO enforces. */
export function amountFieldsOf(money: MoneyMessage | null): { amount?: number; currency?: string } {
  if (!money) return {};
  return { amount: Number(money.amountMinor || '0'), currency: textOf(money.currency) };
}

export function encryptedCardOf(card: EncryptedCardMessage | null): EncryptedCardMessage | undefined {
  if (!card) return undefined;
  return { bdkId: card.bdkId, ksn: card.ksn, ciphertext: card.ciphertext };
}

/** An unset pin is left out (no PIN); an empty ksn is the card's, as a missing REST field. */
export function encryptedPinOf(pin: EncryptedPinMessage | null | undefined): object | undefined {
  if (!pin) return undefined;
  return { pinBlock: pin.pinBlock, format: pin.format, ksn: textOf(pin.ksn) };
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

/** A proto3 string is never absent: empty means not given, as a missing REST field. */
export function textOf(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

/** Purchase, cash withdrawal, top-up, preauthorization: the body of POST /v1/purchases and its siblings. */
export function cardPaymentDtoOf(request: CardPaymentRequestMessage): object {
  return {
    ...amountFieldsOf(request.amount),
    card: encryptedCardOf(request.card),
    pin: encryptedPinOf(request.pin),
    entryMode: entryModeOf(request.entryMode),
  };
}

/** Balance inquiry, card data: the body of POST /v1/balance-inquiries and /v1/card-reads. */
export function cardInquiryDtoOf(request: CardInquiryRequestMessage): object {
  return {
    currency: textOf(request.currency),
    card: encryptedCardOf(request.card),
    pin: encryptedPinOf(request.pin),
    entryMode: entryModeOf(request.entryMode),
  };
}

/**
 * A follow-up's optional amount: unset leaves amount and currency out (everything that is left).
 * A set amount of 0 stays 0, so validation refuses it rather than cancelling everything.
 */
export function followUpAmountOf(money: MoneyMessage | null): { amount?: number; currency?: string } {
  if (!money) return {};
  return { amount: Number(money.amountMinor || '0'), currency: textOf(money.currency) };
}

/** Cancel, refund: the body of POST /v1/cancels and /v1/refunds. */
export function followUpDtoOf(request: FollowUpRequestMessage): object {
  return {
    originalTransactionId: textOf(request.originalTransactionId),
    approvalCode: textOf(request.approvalCode),
    rrn: textOf(request.rrn),
    ...followUpAmountOf(request.amount),
  };
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

/** An operation as the message: amounts as int64 minor units, the receipt line by line (`copy`: marked COPY). */
export function cardTransactionOf(reply: AuthorizeReply, copy = false): CardTransactionMessage {
  const money = (amountMinor: string): MoneyMessage => ({ amountMinor, currency: reply.currency });
  return {
    transactionId: reply.transactionId,
    operation: OPERATIONS[reply.operation] ?? 'OPERATION_UNSPECIFIED',
    status: STATUSES[reply.status] ?? 'TRANSACTION_STATUS_UNSPECIFIED',
    responseCode: reply.responseCode,
    responseText: reply.responseText,
    approvalCode: reply.approvalCode ?? '',
    rrn: reply.rrn ?? '',
    stan: reply.stan ?? '',
    maskedPan: reply.maskedPan ?? '',
    cardScheme: reply.cardScheme ?? '',
    amount: money(reply.amountMinor),
    terminalId: reply.terminalId,
    merchantId: reply.merchantId,
    processedAt: reply.processedAt,
    originalTransactionId: reply.originalTransactionId ?? '',
    balance: reply.balanceMinor === undefined ? null : money(reply.balanceMinor),
    cardExpiry: reply.cardExpiry ?? '',
    expiresAt: reply.expiresAt ?? '',
    batchNumber: reply.batchNumber ?? 0,
    receiptLines: receiptLinesOf(reply, copy),
    prompt: reply.prompt ? cashierPromptOf(reply.prompt) : null,
  };
}

const INPUT_TYPES: Record<PromptInput['type'], PromptInputTypeName> = {
  digits: 'PROMPT_INPUT_TYPE_DIGITS',
  text: 'PROMPT_INPUT_TYPE_TEXT',
  confirm: 'PROMPT_INPUT_TYPE_CONFIRM',
};

export function cashierPromptOf(prompt: CashierPrompt): CashierPromptMessage {
  const { input } = prompt;
  return {
    promptId: prompt.promptId,
    kind: prompt.kind,
    text: prompt.text,
    input: { type: INPUT_TYPES[input.type], length: input.type === 'digits' ? input.length : 0, maxLength: input.type === 'text' ? input.maxLength : 0 },
    expiresAt: prompt.expiresAt,
  };
}
