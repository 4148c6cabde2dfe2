import { z } from 'zod';

import { merchantIdSchema, terminalIdSchema, uuidSchema } from '../common/fields.schema';
import { authorizeReplySchema } from './authorize.v1';

export const promptAnswerRequestSchema = z.object({
  promptId: uuidSchema,
  terminalId: terminalIdSchema,
  merchantId: merchantIdSchema,
  /** As keyed: digits, text, or yes/no. */
  value: z.string().min(1).max(64),
  answeredAt: z.string().datetime(),
});
export type PromptAnswerRequest = z.infer<typeof promptAnswerRequestSchema>;

/** Why an answer was not taken; the operation is unchanged (except `expired`: it was abandoned). */
export const promptRefusalSchema = z.object({
  code: z.enum(['unknown_prompt', 'invalid_answer', 'already_answered', 'expired']),
  message: z.string(),
});
export type PromptRefusal = z.infer<typeof promptRefusalSchema>;

export const promptAnswerReplySchema = z.object({
  /** The operation after the answer: its outcome, or the next prompt. */
  outcome: authorizeReplySchema.optional(),
  refusal: promptRefusalSchema.optional(),
});
export type PromptAnswerReply = z.infer<typeof promptAnswerReplySchema>;
