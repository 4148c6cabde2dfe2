import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text, never negative (a journal file's totals are sums of entries). */
const minorSchema = z.string().regex(/^(0|[1-9][0-9]*)$/, 'amount in minor units: digits, no sign, no decimals');

export const settlementJournalFileSentSchema = z.object({
  fileId: uuidSchema,
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 alphabetic code'),
  /** The acquirers whose postings of the day the file lists. */
  acquirers: z.array(z.string().min(1).max(64)).min(1),
  layout: z.string().min(1),
  fileName: z.string().min(1),
  /** The journal file sequence number: allocated once per file, kept by every re-send. */
  sequence: z.number().int().min(1),
  entryCount: z.number().int().min(0),
  /** Total debits and total credits: equal, or the file is never written. */
  debitMinor: minorSchema,
  creditMinor: minorSchema,
  byteLength: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits'),
  /** Where it went, in words: 'sftp://user@host:port', 'folder /srv/gl'. */
  destination: z.string().min(1),
  deliveredAt: z.string().datetime(),
});
export type SettlementJournalFileSent = z.infer<typeof settlementJournalFileSentSchema>;
/** A business day's journal-entry file in one currency reached the bank's ledger (archived first). Key: business day. */
export const settlementJournalFileSentV1 = defineEvent('settlement.journal-file.sent.v1', settlementJournalFileSentSchema);
