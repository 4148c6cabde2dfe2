import type { PostedTransferEvent } from '../events/transfer-posted.outbox';
import type { AgentPayment } from './agent-payment';
import type { ChainTransfer } from './payment-chain';

/** One transfer-posted event per transfer of the payment's chain; `transferIdOf` names the ledger transfer that posted it. */
export function chainEventsOf(payment: AgentPayment, postedAt: Date, transferIdOf: (t: ChainTransfer) => string = (t) => t.id): PostedTransferEvent[] {
  return payment.transfers.map((t) => ({
    transferId: transferIdOf(t),
    kind: t.kind,
    nodeId: t.nodeId,
    paymentId: payment.id,
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amount: t.amount,
    currency: payment.currency,
    postedAt,
  }));
}
