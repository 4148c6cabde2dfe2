import type { PayeeGatewaySettings } from '../gateways/payee-gateway';
import type { ChainTransfer } from './payment-chain';

/**
 * reserved: counted against the daily limit, its chain decided but not yet known posted; posted: the
 * chain is in the ledger. Through a payee's gateway: pending: the chain is held in the ledger
 * (pending transfers) and the payee's answer is not known (a status query resolves it); refused:
 * the payee declined and the held chain was voided (the money is back with the agent).
 */
export type AgentPaymentStatus = 'reserved' | 'pending' | 'posted' | 'refused';

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
  /** Forwarded to the payee's gateway (held, then posted or voided) rather than posted at once. */
  readonly viaGateway: boolean;
  /** The payee's reason, when it refused. */
  readonly refusalReason: string | null;
  readonly refusedAt: Date | null;
  /** Calls to the gateway that left the outcome unknown, and why the last one did. */
  readonly gatewayAttempts: number;
  readonly gatewayUnknownCause: string | null;
  /** The gateway it was sent to (the payee's when reserved): its status queries and resends go there; null when not via a gateway, or reserved before it was kept. */
  readonly gateway?: PayeeGatewaySettings | null;
}
