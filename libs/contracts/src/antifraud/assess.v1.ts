import { z } from 'zod';

import {
  amountMinorSchema,
  cardTokenSchema,
  currencySchema,
  merchantIdSchema,
  responseCodeSchema,
  terminalIdSchema,
  uuidSchema,
} from '../common/fields.schema';

export const assessRequestSchema = z.object({
  transactionId: uuidSchema,
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  cardToken: cardTokenSchema,
  cardScheme: z.string(),
});
export type AssessRequest = z.infer<typeof assessRequestSchema>;

export const assessReplySchema = z.object({
  transactionId: uuidSchema,
  decision: z.enum(['allow', 'deny']),
  /** ISO 8583 field 39 to answer with when denied. */
  responseCode: responseCodeSchema.optional(),
  reasons: z.array(z.object({ rule: z.string(), detail: z.string() })),
});
export type AssessReply = z.infer<typeof assessReplySchema>;
