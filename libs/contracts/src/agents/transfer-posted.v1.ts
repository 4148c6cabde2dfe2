import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text (a ledger balance may pass the 12 digits of a card amount). */
const minorSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'amount in minor units: digits, no sign, no decimals, more than zero');

export const agentsTransferPostedSchema = z.object({
  /** The ledger transfer's id: a consumer that sees it twice (at-least-once delivery) keeps it once. */
  transferId: uuidSchema,
  /**
   * funding: a parent to its child; payment: an agent to a payee's clearing account; fee: the
   * payer's fee, an agent to the platform's fee income; commission: platform expense to a node;
   * settlement: a child's commissions of a day set off against its parent's fundings (the child's
   * commission account to the parent's account).
   */
  kind: z.enum(['funding', 'payment', 'fee', 'commission', 'settlement']),
  /** The node the transfer is about: the funded child, the paying node, the node that earned the commission, the settled child. */
  nodeId: uuidSchema,
  /** The agent's payment the transfer belongs to (payment, fee and commission). */
  paymentId: uuidSchema.optional(),
  debitAccountId: uuidSchema,
  creditAccountId: uuidSchema,
  amount: minorSchema,
  currency: currencySchema,
  postedAt: z.string().datetime(),
});
export type AgentsTransferPosted = z.infer<typeof agentsTransferPostedSchema>;
/** A transfer the agents' ledger posted. Key: the node id. No card data: none exists in this ledger. */
export const agentsTransferPostedV1 = defineEvent('agents.ledger.transfer-posted.v1', agentsTransferPostedSchema);
