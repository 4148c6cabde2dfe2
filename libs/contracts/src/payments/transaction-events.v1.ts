import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import {
  amountMinorSchema,
  cardTokenSchema,
  currencySchema,
  maskedPanSchema,
  merchantIdSchema,
  responseCodeSchema,
  terminalIdSchema,
  uuidSchema,
} from '../common/fields.schema';

const transactionEventSchema = z.object({
  transactionId: uuidSchema,
  operation: z.literal('purchase'),
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  responseCode: responseCodeSchema,
  maskedPan: maskedPanSchema.optional(),
  cardToken: cardTokenSchema.optional(),
  cardScheme: z.string().optional(),
  rrn: z.string().optional(),
  approvalCode: z.string().optional(),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  occurredAt: z.string().datetime(),
});

export const transactionAuthorizedSchema = transactionEventSchema;
export type TransactionAuthorized = z.infer<typeof transactionAuthorizedSchema>;
/** The host approved the operation. Key: terminal id. */
export const transactionAuthorizedV1 = defineEvent('payments.transaction.authorized.v1', transactionAuthorizedSchema);

export const transactionDeclinedSchema = transactionEventSchema.extend({
  status: z.enum(['declined', 'failed']),
  reason: z.string(),
});
export type TransactionDeclined = z.infer<typeof transactionDeclinedSchema>;
/** Declined by antifraud or the host, or failed (host down or silent). Key: terminal id. */
export const transactionDeclinedV1 = defineEvent('payments.transaction.declined.v1', transactionDeclinedSchema);
