import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';

const text = (max: number) => z.string().min(1).max(max);

/**
 * An operator action a service audited (a 403, or a state-changing call and its outcome). Each
 * service publishes its own; the gateway appends them to the hash-chained audit log, once per id.
 * before/after never carry card data (the publisher strips it). Key: the actor id.
 */
export const actionAuditedEventSchema = z.object({
  id: z.string().uuid(),
  at: z.string().datetime(),
  realm: z.enum(['operator', 'staff']),
  actorId: text(200),
  actorName: text(200),
  role: text(40).nullable(),
  action: text(300),
  resource: text(500),
  outcome: z.enum(['allowed', 'denied', 'failed']),
  service: text(60),
  ip: z.string().max(100).nullable(),
  userAgent: z.string().max(500).nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type ActionAuditedEvent = z.infer<typeof actionAuditedEventSchema>;

export const actionAuditedV1 = defineEvent('operator.action.audited.v1', actionAuditedEventSchema);
