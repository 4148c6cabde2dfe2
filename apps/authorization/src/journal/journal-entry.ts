import type { Operation } from '@payments/contracts';

/**
 * Where a transaction stands. `unknown`: the host may have approved it; a reversal is queued.
 * `rejected`: a platform rule refused it before any host was asked. An original that was
 * cancelled or refunded in full becomes `cancelled` / `refunded`; a preauthorization becomes
 * `completed` or, unused until it lapses, `expired` (its hold released by a reversal).
 * `awaiting_cashier`: the operation waits on a cashier prompt, then goes on as `pending`.
 */
export type JournalStatus =
  | 'pending'
  | 'awaiting_cashier'
  | 'approved'
  | 'declined'
  | 'failed'
  | 'unknown'
  | 'reversed'
  | 'rejected'
  | 'cancelled'
  | 'refunded'
  | 'completed'
  | 'expired';

export interface PendingEntry {
  id: string;
  operation: Operation;
  terminalId: string;
  merchantId: string;
  amountMinor: bigint;
  currency: string;
  requestHash: string;
  businessDay: string;
  batchNumber: number;
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

export interface Outcome {
  status: Exclude<JournalStatus, 'pending' | 'awaiting_cashier'>;
  responseCode: string;
  reason: string;
  stan?: string;
  rrn?: string;
  approvalCode?: string;
  balanceMinor?: bigint;
}
