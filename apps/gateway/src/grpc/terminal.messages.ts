/**
 * The messages of payments/terminal/v1/terminal.proto as @grpc/proto-loader hands them over
 * (TERMINAL_PROTO_OPTIONS): lowerCamelCase fields, int64 as decimal strings, enums by name, an
 * unset sub-message as null.
 */
export interface MoneyMessage {
  amountMinor: string;
  currency: string;
}

export interface EncryptedCardMessage {
  bdkId: string;
  ksn: string;
  ciphertext: string;
}

export interface EncryptedPinMessage {
  pinBlock: string;
  format: number;
  ksn: string;
}

export type EntryModeName = 'ENTRY_MODE_UNSPECIFIED' | 'ENTRY_MODE_CHIP' | 'ENTRY_MODE_CONTACTLESS' | 'ENTRY_MODE_MAGSTRIPE';

export type OperationName =
  | 'OPERATION_UNSPECIFIED'
  | 'OPERATION_PURCHASE'
  | 'OPERATION_CASH_WITHDRAWAL'
  | 'OPERATION_TOP_UP'
  | 'OPERATION_PREAUTHORIZATION'
  | 'OPERATION_BALANCE_INQUIRY'
  | 'OPERATION_CARD_DATA'
  | 'OPERATION_CANCEL'
  | 'OPERATION_REFUND'
  | 'OPERATION_COMPLETION'
  | 'OPERATION_EMERGENCY_CANCEL';

export type TransactionStatusName =
  | 'TRANSACTION_STATUS_UNSPECIFIED'
  | 'TRANSACTION_STATUS_APPROVED'
  | 'TRANSACTION_STATUS_DECLINED'
  | 'TRANSACTION_STATUS_FAILED'
  | 'TRANSACTION_STATUS_REJECTED'
  | 'TRANSACTION_STATUS_PROMPT';

export interface CardTransactionMessage {
  transactionId: string;
  operation: OperationName;
  status: TransactionStatusName;
  responseCode: string;
  responseText: string;
  approvalCode: string;
  rrn: string;
  stan: string;
  maskedPan: string;
  cardScheme: string;
  amount: MoneyMessage;
  terminalId: string;
  merchantId: string;
  processedAt: string;
  originalTransactionId: string;
  balance: MoneyMessage | null;
  cardExpiry: string;
  expiresAt: string;
  batchNumber: number;
  receiptLines: string[];
  prompt: CashierPromptMessage | null;
}

export type PromptInputTypeName = 'PROMPT_INPUT_TYPE_UNSPECIFIED' | 'PROMPT_INPUT_TYPE_DIGITS' | 'PROMPT_INPUT_TYPE_TEXT' | 'PROMPT_INPUT_TYPE_CONFIRM';

export interface CashierPromptMessage {
  promptId: string;
  kind: string;
  text: string;
  input: { type: PromptInputTypeName; length: number; maxLength: number };
  expiresAt: string;
}

export interface AnswerPromptRequestMessage {
  promptId: string;
  value: string;
}

/** PurchaseRequest, CashWithdrawalRequest, TopUpRequest, PreauthorizeRequest: an amount taken from a card. */
export interface CardPaymentRequestMessage {
  amount: MoneyMessage | null;
  card: EncryptedCardMessage | null;
  /** PurchaseRequest and CashWithdrawalRequest only. */
  pin?: EncryptedPinMessage | null;
  /** An EntryModeName, or the number of a value this server does not know. */
  entryMode: string | number;
}

export type PurchaseRequestMessage = CardPaymentRequestMessage;

/** BalanceRequest, CardDataRequest: the card and the currency, no amount. */
export interface CardInquiryRequestMessage {
  currency: string;
  card: EncryptedCardMessage | null;
  /** BalanceRequest only. */
  pin?: EncryptedPinMessage | null;
  entryMode: string | number;
}

/** CancelRequest, RefundRequest: the original by id or by approval code + RRN; an unset amount is everything left. */
export interface FollowUpRequestMessage {
  originalTransactionId: string;
  approvalCode: string;
  rrn: string;
  amount: MoneyMessage | null;
}

export interface CompleteRequestMessage {
  preauthorizationId: string;
  amount: MoneyMessage | null;
}

/** EmergencyCancelRequest, ConnectionCheckRequest, CloseDayRequest. */
export type EmptyRequestMessage = Record<string, never>;

/** Every card operation's and follow-up's response: PurchaseResponse, RefundResponse, ... */
export interface CardTransactionResponseMessage {
  transaction: CardTransactionMessage;
}

export type PurchaseResponseMessage = CardTransactionResponseMessage;

export type ReportKindName = 'REPORT_KIND_UNSPECIFIED' | 'REPORT_KIND_SHORT' | 'REPORT_KIND_FULL';

export interface ReportRequestMessage {
  /** A ReportKindName, or the number of a value this server does not know. */
  kind: string | number;
  /** 0: the open batch. */
  batchNumber: number;
}

export interface ReceiptCopyRequestMessage {
  /** Empty: the terminal's last operation. */
  transactionId: string;
}

export interface BatchTotalsMessage {
  currency: string;
  debitCount: number;
  debitAmountMinor: string;
  creditCount: number;
  creditAmountMinor: string;
  debitReversalCount: number;
  debitReversalAmountMinor: string;
}

export interface BatchMessage {
  batchNumber: number;
  status: 'BATCH_STATUS_UNSPECIFIED' | 'BATCH_STATUS_OPEN' | 'BATCH_STATUS_CLOSED';
  openedAt: string;
  closedAt: string;
  reconciliation: 'RECONCILIATION_UNSPECIFIED' | 'RECONCILIATION_IN_BALANCE' | 'RECONCILIATION_OUT_OF_BALANCE' | 'RECONCILIATION_NOT_RECONCILED';
  totals: BatchTotalsMessage[];
}

/** What every terminal service response starts with. */
export interface TerminalServiceResponseMessage {
  requestId: string;
  message: string;
  terminalId: string;
  merchantId: string;
  processedAt: string;
}

export interface ConnectionCheckResponseMessage extends TerminalServiceResponseMessage {
  connection: { acquirer: string; latencyMs: number; responseCode: string } | null;
}

export interface CloseDayResponseMessage extends TerminalServiceResponseMessage {
  batch: BatchMessage | null;
  nextBatchNumber: number;
}

export interface ReportResponseMessage extends TerminalServiceResponseMessage {
  batch: BatchMessage | null;
  transactions: CardTransactionMessage[];
}

export interface ReceiptCopyResponseMessage extends TerminalServiceResponseMessage {
  transaction: CardTransactionMessage | null;
}
