import { z } from 'zod';

import { operationSchema } from '../authorization/authorize.v1';
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
  operation: operationSchema,
  /** cancel, refund, completion, emergency_cancel: the transaction it applies to. */
  originalTransactionId: uuidSchema.optional(),
  batchNumber: z.number().int().min(1).optional(),
  /**
   * What the transaction does to the card's money: debit (purchase, cash, completion), credit
   * (refund, top-up), none (preauthorization hold, balance, card read). A cancel has the
   * opposite direction of its original. Absent on older messages: a purchase, so debit.
   */
  direction: z.enum(['debit', 'credit', 'none']).optional(),
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  /** The acquirer whose host the operation went to (settlement closes each acquirer's day). Absent on older messages. */
  acquirerId: z.string().min(1).max(64).optional(),
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
  status: z.enum(['declined', 'failed', 'rejected']),
  reason: z.string(),
});
export type TransactionDeclined = z.infer<typeof transactionDeclinedSchema>;
/** Declined by antifraud or the host, failed (host down or silent), or rejected by a platform rule. Key: terminal id. */
export const transactionDeclinedV1 = defineEvent('payments.transaction.declined.v1', transactionDeclinedSchema);

export const transactionReversedSchema = transactionEventSchema.extend({
  /** Why it was reversed (e.g. the register never received the approval). */
  reason: z.string(),
});
export type TransactionReversed = z.infer<typeof transactionReversedSchema>;
/**
 * An operation announced as authorized was reversed with the host (ISO 8583 0400/0420
 * acknowledged): whatever counted it takes it back out. `responseCode` is the host's answer to
 * the reversal; `direction` is the one the authorization carried. Key: terminal id.
 */
export const transactionReversedV1 = defineEvent('payments.transaction.reversed.v1', transactionReversedSchema);
