import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';
import { signedMinorSchema } from './day-closed.v1';

export const reconciliationKindSchema = z.enum(['matched', 'missing_ours', 'missing_theirs', 'amount_difference', 'fee_difference']);
export type ReconciliationKind = z.infer<typeof reconciliationKindSchema>;

export const reconciliationKindTotalSchema = z.object({
  kind: reconciliationKindSchema,
  currency: currencySchema,
  count: z.number().int().min(0),
  /** Sum of our lines of this kind (0 for missing_ours); a debit of the card positive, a credit negative. */
  ourAmountMinor: signedMinorSchema,
  /** Sum of the acquirer's lines of this kind (0 for missing_theirs). */
  theirAmountMinor: signedMinorSchema,
  /** Sum of the fees the acquirer reported on them. */
  theirFeeMinor: signedMinorSchema,
});

export const acquirerReportReconciledSchema = z.object({
  reportId: uuidSchema,
  acquirerId: z.string().min(1).max(64),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lineCount: z.number().int().min(0),
  /** Breaks found, all kinds but matched: each is open until an operator resolves it. */
  breakCount: z.number().int().min(0),
  /** Counts and sums per kind and currency, matched included; no card data, no transaction ids. */
  totals: z.array(reconciliationKindTotalSchema),
});
export type AcquirerReportReconciled = z.infer<typeof acquirerReportReconciledSchema>;
/** An acquirer's settlement report was imported and matched line by line against settlement's lines. Key: acquirer id. */
export const acquirerReportReconciledV1 = defineEvent('settlement.acquirer-report.reconciled.v1', acquirerReportReconciledSchema);
