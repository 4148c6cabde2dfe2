import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';
import { signedMinorSchema, unsignedMinorSchema } from './day-closed.v1';

/** What became of one line of a transfer file: paid (in full), short, over, duplicate (our line already paid) or unknown (no line of ours). */
export const transferLineOutcomeSchema = z.enum(['paid', 'short', 'over', 'duplicate', 'unknown']);
export type TransferLineOutcome = z.infer<typeof transferLineOutcomeSchema>;

export const transferOutcomeTotalSchema = z.object({
  outcome: transferLineOutcomeSchema,
  count: z.number().int().min(0),
  /** Sum of our lines' amounts (0 for unknown); a debit of the card positive, a credit negative. */
  ourAmountMinor: signedMinorSchema,
  /** Sum of the gross amounts the transfer pays for them, signed the same way. */
  theirGrossMinor: signedMinorSchema,
  /** Sum of the fees the acquirer withheld on them. */
  theirFeeMinor: unsignedMinorSchema,
});

export const settlementTransferImportedSchema = z.object({
  transferId: uuidSchema,
  acquirerId: z.string().min(1).max(64),
  /** The bank transfer's reference (not card data). */
  transferReference: z.string().min(1).max(140),
  valueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: currencySchema,
  /** The transfer's amount: the lines' gross minus their fees. */
  amountMinor: signedMinorSchema,
  lineCount: z.number().int().min(0),
  /** Lines that are breaks: every outcome but paid. */
  breakCount: z.number().int().min(0),
  /** Counts and sums per outcome; no card data, no transaction ids. */
  totals: z.array(transferOutcomeTotalSchema),
});
export type SettlementTransferImported = z.infer<typeof settlementTransferImportedSchema>;
/** An acquirer's per-transfer file was imported and its lines matched against settlement's lines. Key: acquirer id. */
export const settlementTransferImportedV1 = defineEvent('settlement.transfer.imported.v1', settlementTransferImportedSchema);
