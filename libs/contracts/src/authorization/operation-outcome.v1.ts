import { z } from 'zod';

import { uuidSchema } from '../common/fields.schema';
import { authorizeReplySchema } from './authorize.v1';

/** Where the journal stands on a transaction id a gateway gave out (a gateway that took over a request asks). */
export const operationOutcomeQuerySchema = z.object({ transactionId: uuidSchema });
export type OperationOutcomeQuery = z.infer<typeof operationOutcomeQuerySchema>;

/**
 * `not_journaled`: authorization never received the request (it may be sent now, once);
 * `pending`: an attempt is running (authorization's own recovery finishes it if its process stopped);
 * `final`: the attempt ended (or waits for the cashier) and `outcome` is what the register would have been told.
 */
export const operationOutcomeStatusSchema = z
  .object({
    transactionId: uuidSchema,
    state: z.enum(['not_journaled', 'pending', 'final']),
    outcome: authorizeReplySchema.optional(),
  })
  .refine((status) => (status.state === 'final') === (status.outcome !== undefined), { message: 'outcome: present exactly when the state is final' });
export type OperationOutcomeStatus = z.infer<typeof operationOutcomeStatusSchema>;
