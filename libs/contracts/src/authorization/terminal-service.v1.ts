import { z } from 'zod';

import { amountMinorSchema, currencySchema, merchantIdSchema, terminalIdSchema, uuidSchema } from '../common/fields.schema';
import { authorizeReplySchema } from './authorize.v1';

/** Register services that move no money: connection check, close day, reports, receipt copy. */
export const terminalServiceRequestSchema = z.discriminatedUnion('operation', [
  z.object({ operation: z.literal('connection_check'), requestId: uuidSchema, terminalId: terminalIdSchema, merchantId: merchantIdSchema }),
  z.object({ operation: z.literal('close_day'), requestId: uuidSchema, terminalId: terminalIdSchema, merchantId: merchantIdSchema }),
  z.object({
    operation: z.literal('report'),
    requestId: uuidSchema,
    terminalId: terminalIdSchema,
    merchantId: merchantIdSchema,
    kind: z.enum(['full', 'short']),
    /** Absent: the open batch. */
    batchNumber: z.number().int().min(1).optional(),
  }),
  z.object({
    operation: z.literal('receipt_copy'),
    requestId: uuidSchema,
    terminalId: terminalIdSchema,
    merchantId: merchantIdSchema,
    /** Absent: the terminal's last operation. */
    transactionId: uuidSchema.optional(),
  }),
]);
export type TerminalServiceRequest = z.infer<typeof terminalServiceRequestSchema>;

/** Approved totals of one currency in a batch, as sent to the host in the 0500 (DE 74-77, 86-89). */
export const batchTotalsSchema = z.object({
  currency: currencySchema,
  debitCount: z.number().int().min(0),
  debitAmountMinor: amountMinorSchema,
  creditCount: z.number().int().min(0),
  creditAmountMinor: amountMinorSchema,
  debitReversalCount: z.number().int().min(0),
  debitReversalAmountMinor: amountMinorSchema,
});
export type BatchTotals = z.infer<typeof batchTotalsSchema>;

export const batchSummarySchema = z.object({
  batchNumber: z.number().int().min(1),
  status: z.enum(['open', 'closed']),
  openedAt: z.string().datetime(),
  closedAt: z.string().datetime().optional(),
  /** closed batches: in_balance when the host agreed with every currency's totals; not_reconciled when it did not answer. */
  reconciliation: z.enum(['in_balance', 'out_of_balance', 'not_reconciled']).optional(),
  totals: z.array(batchTotalsSchema),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const terminalServiceReplySchema = z.object({
  requestId: uuidSchema,
  operation: z.enum(['connection_check', 'close_day', 'report', 'receipt_copy']),
  /** rejected: nothing to do (no such transaction, nothing to report); failed: the host did not answer. */
  status: z.enum(['ok', 'rejected', 'failed']),
  message: z.string(),
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  processedAt: z.string().datetime(),
  connection: z.object({ acquirer: z.string(), latencyMs: z.number().min(0), responseCode: z.string() }).optional(),
  /** close_day: the closed batch; report: the batch reported. */
  batch: batchSummarySchema.optional(),
  /** close_day: the batch opened after it. */
  nextBatchNumber: z.number().int().min(1).optional(),
  /** report kind full: every operation of the batch, oldest first. */
  transactions: z.array(authorizeReplySchema).optional(),
  /** receipt_copy. */
  receipt: authorizeReplySchema.optional(),
});
export type TerminalServiceReply = z.infer<typeof terminalServiceReplySchema>;
