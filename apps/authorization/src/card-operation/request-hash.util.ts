import { createHash } from 'node:crypto';

import type { AuthorizeRequest } from '@payments/contracts';

/** Idempotency by (id, payload hash), as mojaloop does: a redelivery with the same hash replays. */
export function requestHashOf(request: AuthorizeRequest): string {
  const { transactionId, operation, terminalId, merchantId, amountMinor, currency, card, entryMode } = request;
  return createHash('sha256')
    .update(JSON.stringify([transactionId, operation, terminalId, merchantId, amountMinor, currency, card.bdkId, card.ksn, card.ciphertext, entryMode]))
    .digest('hex');
}
