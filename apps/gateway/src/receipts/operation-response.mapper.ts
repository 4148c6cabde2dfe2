import type { AuthorizeReply, CashierPrompt, Operation } from '@payments/contracts';
import { findCurrencyByAlpha, formatMoney } from '@payments/money';

/** What a register gets for any card operation or follow-up, the receipt included. */
export interface OperationResponse {
  transactionId: string;
  operation: Operation;
  status: AuthorizeReply['status'];
  responseCode: string;
  responseText: string;
  approvalCode?: string;
  rrn?: string;
  stan?: string;
  maskedPan?: string;
  cardScheme?: string;
  amount: number;
  currency: string;
  terminalId: string;
  merchantId: string;
  processedAt: string;
  originalTransactionId?: string;
  /** balance_inquiry: minor units, negative when overdrawn. */
  balance?: number;
  /** card_data: YYMM. */
  cardExpiry?: string;
  /** preauthorization: when the hold lapses. */
  expiresAt?: string;
  batchNumber?: number;
  /** status prompt: show `text`, take the input `input` describes, POST it to /v1/prompts/{promptId}/answer. */
  prompt?: CashierPrompt;
  /** What the register prints, line by line (nothing while a prompt waits). */
  receipt: string[];
}

const TITLES: Record<Operation, string> = {
  purchase: 'PURCHASE',
  cash_withdrawal: 'CASH WITHDRAWAL',
  top_up: 'TOP-UP',
  preauthorization: 'PREAUTHORIZATION',
  balance_inquiry: 'BALANCE INQUIRY',
  card_data: 'CARD DATA',
  cancel: 'CANCEL',
  refund: 'REFUND',
  completion: 'COMPLETION',
  emergency_cancel: 'EMERGENCY CANCEL',
};

const VERDICT: Record<AuthorizeReply['status'], string> = {
  approved: 'APPROVED',
  declined: 'DECLINED',
  failed: 'FAILED',
  rejected: 'REJECTED',
  prompt: 'WAITING FOR THE CASHIER',
};

/** The receipt: merchant, terminal, date, operation, card (masked), amounts, codes, verdict. */
export function receiptOf(reply: AuthorizeReply, copy = false): string[] {
  // A rejected follow-up whose original was never found has no real currency (XXX): print the minor units.
  const money = (minor: string): string => (findCurrencyByAlpha(reply.currency) ? formatMoney(BigInt(minor), reply.currency) : `${minor} ${reply.currency}`);
  const hasAmount = reply.operation !== 'balance_inquiry' && reply.operation !== 'card_data';
  return [
    ...(copy ? ['*** COPY ***'] : []),
    `MERCHANT ${reply.merchantId}`,
    `TERMINAL ${reply.terminalId}`,
    `DATE ${reply.processedAt.slice(0, 10)} ${reply.processedAt.slice(11, 19)} UTC`,
    ...(reply.batchNumber ? [`BATCH ${reply.batchNumber}`] : []),
    TITLES[reply.operation],
    ...(reply.maskedPan ? [`CARD ${reply.maskedPan}${reply.cardScheme ? ` ${reply.cardScheme.toUpperCase()}` : ''}`] : []),
    ...(reply.cardExpiry ? [`EXPIRY ${reply.cardExpiry.slice(2)}/${reply.cardExpiry.slice(0, 2)}`] : []),
    ...(hasAmount ? [`AMOUNT ${money(reply.amountMinor)}`] : []),
    ...(reply.balanceMinor !== undefined ? [`BALANCE ${money(reply.balanceMinor.replace('-', ''))}${reply.balanceMinor.startsWith('-') ? ' DR' : ''}`] : []),
    ...(reply.expiresAt ? [`HOLD UNTIL ${reply.expiresAt.slice(0, 10)}`] : []),
    ...(reply.originalTransactionId ? [`ORIGINAL ${reply.originalTransactionId}`] : []),
    ...(reply.approvalCode ? [`AUTH CODE ${reply.approvalCode}`] : []),
    ...(reply.rrn ? [`RRN ${reply.rrn}`] : []),
    `RESPONSE ${reply.responseCode} ${reply.responseText.toUpperCase()}`,
    VERDICT[reply.status],
  ];
}

export function operationResponseOf(reply: AuthorizeReply, copy = false): OperationResponse {
  return {
    transactionId: reply.transactionId,
    operation: reply.operation,
    status: reply.status,
    responseCode: reply.responseCode,
    responseText: reply.responseText,
    approvalCode: reply.approvalCode,
    rrn: reply.rrn,
    stan: reply.stan,
    maskedPan: reply.maskedPan,
    cardScheme: reply.cardScheme,
    amount: Number(reply.amountMinor),
    currency: reply.currency,
    terminalId: reply.terminalId,
    merchantId: reply.merchantId,
    processedAt: reply.processedAt,
    originalTransactionId: reply.originalTransactionId,
    balance: reply.balanceMinor === undefined ? undefined : Number(reply.balanceMinor),
    cardExpiry: reply.cardExpiry,
    expiresAt: reply.expiresAt,
    batchNumber: reply.batchNumber,
    prompt: reply.prompt,
    receipt: receiptLinesOf(reply, copy),
  };
}

/** What the register prints: nothing while a prompt waits. */
export function receiptLinesOf(reply: AuthorizeReply, copy = false): string[] {
  return reply.status === 'prompt' ? [] : receiptOf(reply, copy);
}
