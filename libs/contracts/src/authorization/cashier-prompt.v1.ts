import { z } from 'zod';

import { uuidSchema } from '../common/fields.schema';

/**
 * What an operation may need from the cashier. The server decides when to ask and what to do
 * with the answer; the register only shows `text`, takes the input `input` describes and sends it
 * back, so a new flow needs no register change.
 * - confirm_last4: key in the last 4 digits printed on the card (a swiped card is checked against its embossing)
 * - enter_original_rrn: key in the RRN printed on the original receipt (a refund that names no original)
 * - accept_partial_approval: the host approved less than asked; accept it (yes) or cancel it (no)
 */
export const promptKindSchema = z.enum(['confirm_last4', 'enter_original_rrn', 'accept_partial_approval']);
export type PromptKind = z.infer<typeof promptKindSchema>;

export const promptInputSchema = z.discriminatedUnion('type', [
  /** Digits only, exactly `length` of them. */
  z.object({ type: z.literal('digits'), length: z.number().int().min(1).max(19) }),
  /** Letters and digits, at most `maxLength`. */
  z.object({ type: z.literal('text'), maxLength: z.number().int().min(1).max(64) }),
  /** A yes/no question: the answer is "yes" or "no". */
  z.object({ type: z.literal('confirm') }),
]);
export type PromptInput = z.infer<typeof promptInputSchema>;

export const cashierPromptSchema = z.object({
  promptId: uuidSchema,
  kind: promptKindSchema,
  /** The line the register shows, in the terminal's language (no card data). */
  text: z.string().min(1).max(120),
  input: promptInputSchema,
  /** Unanswered by then, the operation is abandoned (and, after a partial approval, reversed). */
  expiresAt: z.string().datetime(),
});
export type CashierPrompt = z.infer<typeof cashierPromptSchema>;
