import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ABANDONED } from '../abandonment/abandonment.repository';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from './idempotency.errors';
import { IdempotencyRepository, StoredResponse } from './idempotency.repository';

export type IdempotentStart = { kind: 'new'; transactionId: string } | { kind: 'replay'; response: StoredResponse };

/** Every money-moving request is checked by (key, payload hash): same hash replays, another hash is refused. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly records: IdempotencyRepository) {}

  async start(clientId: string, key: string, body: unknown): Promise<IdempotentStart> {
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const claim = await this.records.claim(clientId, key, requestHash);
    if (claim.claimed) return { kind: 'new', transactionId: claim.transactionId };
    const { record } = claim;
    if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
    // An abandoned record replays what the register was told (the operation is being reversed).
    const answered = record.state === 'completed' || record.state === ABANDONED;
    if (!answered || record.responseStatus === null) throw new IdempotentRequestInProgressError(key, record.transactionId);
    return { kind: 'replay', response: { status: record.responseStatus, body: record.responseBody } };
  }

  complete(transactionId: string, response: StoredResponse): Promise<void> {
    return this.records.complete(transactionId, response);
  }
}

/** JSON with object keys sorted, so the same body hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
