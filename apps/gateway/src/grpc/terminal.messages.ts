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
}

export interface PurchaseRequestMessage {
  amount: MoneyMessage | null;
  card: EncryptedCardMessage | null;
  /** An EntryModeName, or the number of a value this server does not know. */
  entryMode: string | number;
}

export interface PurchaseResponseMessage {
  transaction: CardTransactionMessage;
}
