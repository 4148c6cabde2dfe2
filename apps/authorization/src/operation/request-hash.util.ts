import { createHash } from 'node:crypto';

import type { AuthorizeRequest, FollowUpRequest } from '@payments/contracts';

const sha256 = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** Idempotency by (id, payload hash), as mojaloop does: a redelivery with the same hash replays. */
export function requestHashOf(request: AuthorizeRequest): string {
  const { transactionId, operation, terminalId, merchantId, amountMinor, currency, card, entryMode, pin } = request;
  // The PIN's parts only when there is one, so a request without a PIN hashes as it always did.
  const pinParts = pin ? [pin.pinBlock.toUpperCase(), pin.ksn ?? null] : [];
  return sha256([transactionId, operation, terminalId, merchantId, amountMinor, currency, card.bdkId, card.ksn, card.ciphertext, entryMode, ...pinParts]);
}

/** The same for a follow-up: what it names (original, amount, currency), absent parts as null. */
export function followUpHashOf(request: FollowUpRequest): string {
  const { transactionId, operation, terminalId, merchantId, original, amountMinor, currency } = request;
  return sha256([transactionId, operation, terminalId, merchantId, original ?? null, amountMinor ?? null, currency ?? null]);
}
