import { z } from 'zod';

import {
  amountMinorSchema,
  cardTokenSchema,
  currencySchema,
  encryptedCardDataSchema,
  encryptedPinSchema,
  pinFormatProblemOf,
  entryModeSchema,
  maskedPanSchema,
  merchantIdSchema,
  responseCodeSchema,
  terminalIdSchema,
  uuidSchema,
} from '../common/fields.schema';
import { cashierPromptSchema } from './cashier-prompt.v1';

/**
 * Operations that start with a card read on the PIN pad. card_data only reads the card (no host);
 * balance_inquiry and card_data carry amount 0.
 */
export const cardOperationSchema = z.enum(['purchase', 'cash_withdrawal', 'top_up', 'preauthorization', 'balance_inquiry', 'card_data']);
export type CardOperation = z.infer<typeof cardOperationSchema>;

/** Card operations a cardholder may enter an online PIN for; the others refuse a `pin`. */
export const PIN_OPERATIONS: readonly CardOperation[] = ['purchase', 'cash_withdrawal', 'balance_inquiry'];

/** Whether an operation takes an online PIN. */
export function takesPin(operation: string): boolean {
  return (PIN_OPERATIONS as readonly string[]).includes(operation);
}

export const authorizeRequestSchema = z
  .object({
    transactionId: uuidSchema,
    operation: cardOperationSchema,
    terminalId: terminalIdSchema,
    merchantId: merchantIdSchema,
    amountMinor: amountMinorSchema,
    currency: currencySchema,
    card: encryptedCardDataSchema,
    entryMode: entryModeSchema,
    requestedAt: z.string().datetime(),
    /** The online PIN, when the cardholder entered one (purchase, cash withdrawal, balance inquiry). */
    pin: encryptedPinSchema.optional(),
  })
  .refine((request) => request.pin === undefined || takesPin(request.operation), {
    message: `pin: only ${PIN_OPERATIONS.join(', ')} take an online PIN`,
    path: ['pin'],
  })
  .superRefine((request, context) => {
    const problem = request.pin && pinFormatProblemOf(request.pin, request.card.ksn);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['pin'] });
  });
export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;

/**
 * rejected: a rule of the platform refused it before any host was asked (nothing changed).
 * prompt: the operation waits for the cashier; the reply carries the prompt to show.
 */
export const transactionStatusSchema = z.enum(['approved', 'declined', 'failed', 'rejected', 'prompt']);
export type TransactionOutcome = z.infer<typeof transactionStatusSchema>;

/** Every register operation that moves money or reads a card; follow-ups name an original. */
export const operationSchema = z.enum([
  'purchase',
  'cash_withdrawal',
  'top_up',
  'preauthorization',
  'balance_inquiry',
  'card_data',
  'cancel',
  'refund',
  'completion',
  'emergency_cancel',
]);
export type Operation = z.infer<typeof operationSchema>;

export const authorizeReplySchema = z.object({
  transactionId: uuidSchema,
  operation: operationSchema,
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
  /** The transaction a cancel, refund or completion applies to. */
  originalTransactionId: uuidSchema.optional(),
  /** balance_inquiry: the available balance the host reported (DE 54), minor units, may be negative. */
  balanceMinor: z
    .string()
    .regex(/^-?[0-9]{1,12}$/)
    .optional(),
  /** card_data: expiry YYMM from track 2. */
  cardExpiry: z
    .string()
    .regex(/^[0-9]{4}$/)
    .optional(),
  /** preauthorization: when the hold lapses if not completed. */
  expiresAt: z.string().datetime().optional(),
  /** The terminal batch (business day) the operation belongs to. */
  batchNumber: z.number().int().min(1).optional(),
  /** status prompt: what the register shows the cashier, and how the answer is keyed. */
  prompt: cashierPromptSchema.optional(),
});
export type AuthorizeReply = z.infer<typeof authorizeReplySchema>;
