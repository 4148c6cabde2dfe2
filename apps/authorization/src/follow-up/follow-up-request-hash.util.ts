import { createHash } from 'node:crypto';

import type { FollowUpRequest } from '@payments/contracts';

/** Idempotency by (id, payload hash): a redelivery with the same hash replays the outcome. */
export function followUpHashOf(request: FollowUpRequest): string {
  const { transactionId, operation, terminalId, merchantId, original, amountMinor, currency } = request;
  return createHash('sha256')
    .update(JSON.stringify([transactionId, operation, terminalId, merchantId, original ?? null, amountMinor ?? null, currency ?? null]))
    .digest('hex');
}
