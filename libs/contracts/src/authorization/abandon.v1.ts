import { z } from 'zod';

import { defineCommand } from '../core/topic.contract';
import { terminalIdSchema, uuidSchema } from '../common/fields.schema';
import type { Operation } from './authorize.v1';

/**
 * The register never learned the outcome of a transaction: its deadline passed, or its
 * connection closed before the answer was written. Sent by the gateway; authorization decides
 * what it means (a money-moving operation is never left approved: it is reversed). Key: terminal id.
 */
export const abandonCommandSchema = z.object({
  transactionId: uuidSchema,
  terminalId: terminalIdSchema,
  /** Why the register gave up, for the journal (e.g. "the register did not receive the outcome within 8000 ms"). */
  reason: z.string().min(1).max(200),
  abandonedAt: z.string().datetime(),
});
export type AbandonCommand = z.infer<typeof abandonCommandSchema>;

export const abandonV1 = defineCommand('authorization.abandon.v1', abandonCommandSchema);

/**
 * Operations that move or hold money, so an outcome the register never saw is reversed. A cancel
 * stands (it is itself a reversal); a balance inquiry or a card read has nothing to reverse.
 */
const REVERSED_ON_ABANDONMENT: ReadonlySet<string> = new Set<Operation>(['purchase', 'cash_withdrawal', 'top_up', 'preauthorization', 'completion', 'refund']);

export function isReversedOnAbandonment(operation: string): boolean {
  return REVERSED_ON_ABANDONMENT.has(operation);
}
