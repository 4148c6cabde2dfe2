import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';

/** Minor units as decimal text; a net total may be negative (more credits than debits). */
export const signedMinorSchema = z.string().regex(/^(0|-?[1-9][0-9]*)$/, 'signed amount in minor units: digits, an optional minus, no decimals');
const unsignedMinorSchema = z.string().regex(/^(0|[1-9][0-9]*)$/, 'amount in minor units: digits, no sign, no decimals');

export const dayClosedCurrencyTotalSchema = z.object({
  currency: currencySchema,
  lineCount: z.number().int().min(0),
  /** Sum of the debit lines (purchases, cash, completions, reversed credits). */
  debitMinor: unsignedMinorSchema,
  /** Sum of the credit lines (refunds, top-ups, cancels, reversed debits). */
  creditMinor: unsignedMinorSchema,
  /** debitMinor - creditMinor: what the acquirer owes the merchants of this batch, in this currency. */
  netMinor: signedMinorSchema,
});

export const settlementDayClosedSchema = z.object({
  batchId: uuidSchema,
  acquirerId: z.string().min(1).max(64),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  closedAt: z.string().datetime(),
  lineCount: z.number().int().min(0),
  /** Lines of earlier, already closed days that arrived after their close and count in this batch. */
  lateLineCount: z.number().int().min(0),
  totals: z.array(dayClosedCurrencyTotalSchema),
});
export type SettlementDayClosed = z.infer<typeof settlementDayClosedSchema>;
/** An acquirer's business day was closed: its lines are frozen into one batch with these totals. Key: acquirer id. */
export const settlementDayClosedV1 = defineEvent('settlement.day.closed.v1', settlementDayClosedSchema);
