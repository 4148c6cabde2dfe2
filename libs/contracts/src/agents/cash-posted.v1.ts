import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text, more than zero. */
const minorSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'amount in minor units: digits, no sign, no decimals, more than zero');

export const agentsCashPostedSchema = z.object({
  /** The ledger transfer's id: a consumer that sees it twice (at-least-once delivery) keeps it once. */
  transferId: uuidSchema,
  /**
   * change-kept: an agent's account to a payer's change account (the payer left change);
   * change-spent: a change account to the agent's account, toward a payment the agent then makes;
   * change-paid-out: a change account to the agent's account, paid out in cash;
   * voucher-sold: an agent's account to the voucher provider's clearing account;
   * voucher-returned: that clearing account back to the agent's account (a sold voucher returned).
   */
  kind: z.enum(['change-kept', 'change-spent', 'change-paid-out', 'voucher-sold', 'voucher-returned']),
  /** The agent (node) at which it happened. */
  nodeId: uuidSchema,
  debitAccountId: uuidSchema,
  creditAccountId: uuidSchema,
  amount: minorSchema,
  currency: currencySchema,
  /** Change only: the last four digits of the payer's phone number (personal data: never whole). */
  phoneLast4: z
    .string()
    .regex(/^[0-9]{4}$/)
    .optional(),
  /** Vouchers only: the provider and the voucher's serial (never its code). */
  providerId: z.string().min(1).max(64).optional(),
  voucherSerial: z.string().min(1).max(64).optional(),
  postedAt: z.string().datetime(),
});
export type AgentsCashPosted = z.infer<typeof agentsCashPostedSchema>;
/** Change and voucher postings of the agents' ledger. Key: the node id. No phone number whole, no voucher code. */
export const agentsCashPostedV1 = defineEvent('agents.ledger.cash-posted.v1', agentsCashPostedSchema);
