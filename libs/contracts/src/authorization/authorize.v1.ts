import { z } from 'zod';

import { defineRequest } from '../core/topic.contract';
import {
  amountMinorSchema,
  cardTokenSchema,
  currencySchema,
  encryptedCardDataSchema,
  entryModeSchema,
  maskedPanSchema,
  merchantIdSchema,
  responseCodeSchema,
  terminalIdSchema,
  uuidSchema,
} from '../common/fields.schema';

export const authorizeRequestSchema = z.object({
  transactionId: uuidSchema,
  operation: z.literal('purchase'),
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  card: encryptedCardDataSchema,
  entryMode: entryModeSchema,
  requestedAt: z.string().datetime(),
});
export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;

export const transactionStatusSchema = z.enum(['approved', 'declined', 'failed']);
export type TransactionOutcome = z.infer<typeof transactionStatusSchema>;

export const authorizeReplySchema = z.object({
  transactionId: uuidSchema,
  status: transactionStatusSchema,
  responseCode: responseCodeSchema,
  responseText: z.string(),
  approvalCode: z.string().optional(),
  rrn: z.string().optional(),
  stan: z.string().optional(),
  maskedPan: maskedPanSchema.optional(),
  cardToken: cardTokenSchema.optional(),
  cardScheme: z.string().optional(),
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  processedAt: z.string().datetime(),
});
export type AuthorizeReply = z.infer<typeof authorizeReplySchema>;

/** gateway -> authorization: authorize a card-present operation; the reply is the outcome. */
export const authorizeV1 = defineRequest('authorization.authorize.v1', authorizeRequestSchema, authorizeReplySchema);
