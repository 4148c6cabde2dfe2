import { createHash } from 'node:crypto';

import type { TransferRequest } from './ledger.types';

/**
 * The body of a request as the caller sent it (absent fields stay absent), hashed: a replay with
 * the same id is compared by this hash, as mojaloop and Stripe compare (id, payload hash).
 */
export function hashTransferRequest(request: TransferRequest): string {
  const type = request.type ?? 'posted';
  const fields: unknown[] =
    request.type === 'post' || request.type === 'void'
      ? [type, request.pendingId, request.type === 'post' ? request.amount?.toString() : undefined]
      : [type, request.debitAccountId, request.creditAccountId, request.amount.toString(), request.currency];
  fields.push(request.type === 'pending' ? request.timeoutSeconds : undefined, request.reference);
  return createHash('sha256')
    .update(JSON.stringify(fields.map((f) => f ?? null)))
    .digest('base64url');
}
