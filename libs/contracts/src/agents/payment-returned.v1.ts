import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';

const minorSchema = z.string().regex(/^(0|[1-9][0-9]{0,18})$/, 'amount in minor units: digits, no sign, no decimals');

export const agentsPaymentReturnedSchema = z.object({
  paymentId: uuidSchema,
  /** The paying node: its held amount, fee and the commissions were voided (nothing was posted). */
  nodeId: uuidSchema,
  payeeId: z.string().min(1).max(64),
  amount: minorSchema,
  /** The payer's fee that was held with it and returned too ("0" when none). */
  fee: minorSchema,
  currency: currencySchema,
  /** The payee's reason, as its gateway answered it (bounded text, never the payer's account). */
  reason: z.string().min(1).max(200),
  returnedAt: z.string().datetime(),
});
export type AgentsPaymentReturned = z.infer<typeof agentsPaymentReturnedSchema>;
/** A payment the payee refused: the money held for it went back to the agent. Key: the node id. */
export const agentsPaymentReturnedV1 = defineEvent('agents.payment.returned.v1', agentsPaymentReturnedSchema);
