import type { ChainTransfer } from './payment-chain';

/** reserved: counted against the daily limit, its chain decided but not yet known posted; posted: the chain is in the ledger. */
export type AgentPaymentStatus = 'reserved' | 'posted';

export interface AgentPayment {
  readonly id: string;
  readonly nodeId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  /** The UTC day the payment counts against the node's daily limit. */
  readonly businessDay: string;
  readonly status: AgentPaymentStatus;
  /** The linked chain decided at reservation: the payment, then each level's commission. */
  readonly transfers: readonly ChainTransfer[];
  readonly createdAt: Date;
  readonly postedAt: Date | null;
}
