import { type AgentsPaymentReturned, agentsPaymentReturnedV1 } from '@payments/contracts';
import type { SqlQueryRunner } from '@payments/persistence';

import { namedId } from '../accounts/named-id';
import { insertOutboxRow, outbox } from './transfer-posted.outbox';

/** A payment its payee refused, its held chain voided (amounts as bigint here, text on the wire). */
export interface PaymentReturnedEvent extends Omit<AgentsPaymentReturned, 'amount' | 'fee' | 'returnedAt'> {
  readonly amount: bigint;
  readonly fee: bigint;
  readonly returnedAt: Date;
}

/** Writes `agents.payment.returned.v1` in the caller's transaction; its id comes from the payment id (once per payment). */
export async function addPaymentReturnedEvent(tx: SqlQueryRunner, event: PaymentReturnedEvent): Promise<void> {
  const payload = { ...event, amount: event.amount.toString(), fee: event.fee.toString(), returnedAt: event.returnedAt.toISOString() };
  await insertOutboxRow(tx, outbox.row(agentsPaymentReturnedV1, payload, { key: event.nodeId, id: namedId(`returned:${event.paymentId}`) }));
}
