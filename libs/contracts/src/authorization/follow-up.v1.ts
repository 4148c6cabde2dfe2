import { z } from 'zod';

import { amountMinorSchema, currencySchema, merchantIdSchema, terminalIdSchema, uuidSchema } from '../common/fields.schema';

/**
 * Operations on an earlier transaction of the same terminal. cancel: same business day (open
 * batch), full or partial; refund: a closed batch, cumulative refunds never above the original;
 * completion: of a preauthorization, never above it, before it expires; emergency_cancel: the
 * terminal's last operation, only if approved and not itself a cancel (no original named).
 */
export const followUpOperationSchema = z.enum(['cancel', 'refund', 'completion', 'emergency_cancel']);
export type FollowUpOperation = z.infer<typeof followUpOperationSchema>;

/** The original by the platform's id, or as printed on the receipt (approval code + RRN). */
export const originalReferenceSchema = z.union([
  z.object({ transactionId: uuidSchema }).strict(),
  z.object({ approvalCode: z.string().regex(/^[A-Za-z0-9 ]{1,6}$/), rrn: z.string().regex(/^[A-Za-z0-9]{1,12}$/) }).strict(),
]);
export type OriginalReference = z.infer<typeof originalReferenceSchema>;

export const followUpRequestSchema = z.object({
  transactionId: uuidSchema,
  operation: followUpOperationSchema,
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  /** Absent for emergency_cancel. */
  original: originalReferenceSchema.optional(),
  /** Absent: the whole remaining amount (cancel, emergency_cancel) or the preauthorized amount (completion). */
  amountMinor: amountMinorSchema.optional(),
  currency: currencySchema.optional(),
  requestedAt: z.string().datetime(),
});
export type FollowUpRequest = z.infer<typeof followUpRequestSchema>;
