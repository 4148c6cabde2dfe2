/** Where a transaction stands. `unknown`: the host may have approved it; a reversal is queued. */
export type JournalStatus = 'pending' | 'approved' | 'declined' | 'failed' | 'unknown' | 'reversed';

export interface PendingEntry {
  id: string;
  operation: 'purchase';
  terminalId: string;
  merchantId: string;
  amountMinor: bigint;
  currency: string;
  requestHash: string;
  businessDay: string;
  card?: {
    token: string;
    maskedPan: string;
    scheme: string;
    panKeyId: string;
    panCiphertext: string;
  };
}

export interface Outcome {
  status: Exclude<JournalStatus, 'pending'>;
  responseCode: string;
  reason: string;
  stan?: string;
  rrn?: string;
  approvalCode?: string;
}
