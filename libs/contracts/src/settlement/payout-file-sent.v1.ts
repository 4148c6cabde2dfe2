import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text, more than zero (a payout in a file pays something). */
const positiveMinorSchema = z.string().regex(/^[1-9][0-9]*$/, 'amount in minor units: digits, more than zero, no sign, no decimals');

export const settlementPayoutFileSentSchema = z.object({
  fileId: uuidSchema,
  batchId: uuidSchema,
  acquirerId: z.string().min(1).max(64),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fileName: z.string().min(1),
  /** GrpHdr/MsgId of the pain.001. */
  messageId: z.string().min(1).max(35),
  sequence: z.number().int().min(1),
  requestedExecutionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The credit transfers ordered, per currency: how many and their sum (the payouts' nets). No account numbers. */
  totals: z
    .array(z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 alphabetic code'), count: z.number().int().min(1), amountMinor: positiveMinorSchema }))
    .min(1),
  /** The batch's payouts held back (no account, nothing to pay), not in the file. */
  heldCount: z.number().int().min(0),
  byteLength: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits'),
  /** Where it went, in words: 'sftp://user@host:port', 'folder /srv/bank'. */
  destination: z.string().min(1),
  deliveredAt: z.string().datetime(),
});
export type SettlementPayoutFileSent = z.infer<typeof settlementPayoutFileSentSchema>;
/** A closed batch's merchant payouts reached the platform's bank as a pain.001 (archived first). Key: acquirer id. */
export const settlementPayoutFileSentV1 = defineEvent('settlement.payout-file.sent.v1', settlementPayoutFileSentSchema);
