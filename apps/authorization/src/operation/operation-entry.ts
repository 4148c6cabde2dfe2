import type { Operation } from '@payments/contracts';

import type { OperationStatus } from './operation-status';

/** A new attempt, journaled `pending` before anything is asked (card source, risk check, rail). */
export interface PendingEntry {
  id: string;
  operation: Operation;
  terminalId: string;
  merchantId: string;
  amountMinor: bigint;
  currency: string;
  requestHash: string;
  businessDay: string;
  /** Absent: the terminal's open batch at the moment the attempt is journaled. */
  batchNumber?: number;
  originalId?: string;
  expiresAt?: Date;
  card?: {
    token: string;
    maskedPan: string;
    scheme: string;
    panKeyId: string;
    panCiphertext: string;
  };
}

/** The final word on an attempt, as the journal keeps it. */
export interface Outcome {
  status: Exclude<OperationStatus, 'pending' | 'awaiting_cashier'>;
  responseCode: string;
  reason: string;
  stan?: string;
  rrn?: string;
  approvalCode?: string;
  balanceMinor?: bigint;
}
