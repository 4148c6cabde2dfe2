import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text; a file's total may be negative (more credits than debits). */
const signedMinorSchema = z.string().regex(/^(0|-?[1-9][0-9]*)$/, 'signed amount in minor units: digits, an optional minus, no decimals');

export const settlementFileSentSchema = z.object({
  fileId: uuidSchema,
  batchId: uuidSchema,
  acquirerId: z.string().min(1).max(64),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The layout the file was written in (a shipped layout's name, or the path of a layout file). */
  layout: z.string().min(1),
  fileName: z.string().min(1),
  /** The acquirer's file sequence number: allocated once per batch, kept by every re-send. */
  sequence: z.number().int().min(1),
  detailCount: z.number().int().min(0),
  /** The sum of each detail field the trailer totals, by that field's name (`amount`: signed, in minor units). */
  totals: z.record(z.string(), signedMinorSchema),
  byteLength: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits'),
  /** Where it went, in words: 'sftp://user@host:port', 'folder /srv/out'. */
  destination: z.string().min(1),
  deliveredAt: z.string().datetime(),
});
export type SettlementFileSent = z.infer<typeof settlementFileSentSchema>;
/** A batch's transaction file reached its acquirer (archived first). Key: acquirer id. */
export const settlementFileSentV1 = defineEvent('settlement.file.sent.v1', settlementFileSentSchema);
