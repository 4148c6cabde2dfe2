import type { ChainTransfer } from './payment-chain';

/** reserved: counted against the daily limit, its chain decided but not yet known posted; posted: the chain is in the ledger. */
export type AgentPaymentStatus = 'reserved' | 'posted';

export interface AgentPayment {
  readonly id: string;
  readonly nodeId: string;
  readonly payeeId: string;
  readonly amount: bigint;
  readonly currency: string;
  /** The payer's account at the payee; null on the payments made before the payee catalogue. */
  readonly account: string | null;
  /** The UTC day the payment counts against the node's daily limit. */
  readonly businessDay: string;
  readonly status: AgentPaymentStatus;
  /** The linked chain decided at reservation: the payment, the payer's fee, then each level's commission. */
  readonly transfers: readonly ChainTransfer[];
  readonly createdAt: Date;
  readonly postedAt: Date | null;
}
