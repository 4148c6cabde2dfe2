import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { IdempotencyRefusal, OperationOutcome } from '../outcomes/register-outcome';
import { IdempotencyRepository } from './idempotency.repository';
import { ABANDONED, COMPLETED, StoredOutcome, storedOutcomeOf } from './stored-outcome';

/** A new request (its transaction id), or what the key answers instead: the first outcome, or a refusal. */
export type IdempotentStart<O extends StoredOutcome> = { kind: 'new'; transactionId: string } | { kind: 'answered'; outcome: O | IdempotencyRefusal };

/** Every money-moving request is checked by (key, payload hash): same hash replays, another hash is refused. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly records: IdempotencyRepository) {}

  /** `O`: the outcome this kind of request stores; the hashed body names the operation, so a key replays only its own kind. */
  async start<O extends StoredOutcome>(clientId: string, key: string, body: unknown): Promise<IdempotentStart<O>> {
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const claim = await this.records.claim(clientId, key, requestHash);
    if (claim.claimed) return { kind: 'new', transactionId: claim.transactionId };
    const { record } = claim;
    if (record.requestHash !== requestHash) return { kind: 'answered', outcome: { kind: 'key_reused', idempotencyKey: key } };
    // An abandoned record replays what the register was told (the operation is being reversed).
    const answered = record.state === COMPLETED || record.state === ABANDONED;
    const outcome = answered ? storedOutcomeOf(record) : undefined;
    if (!outcome) return { kind: 'answered', outcome: { kind: 'in_progress', idempotencyKey: key, transactionId: record.transactionId } };
    return { kind: 'answered', outcome: outcome as O };
  }

  async complete(transactionId: string, outcome: StoredOutcome): Promise<void> {
    await this.records.complete(transactionId, outcome);
  }

  /**
   * Records an operation's outcome and returns what the record holds then: this outcome, or the
   * one another gateway settled first after taking the record over (its lease ran out).
   */
  async settle(transactionId: string, outcome: OperationOutcome): Promise<OperationOutcome> {
    // An operation's record only ever holds an operation's outcome (decided, or being reversed).
    return (await this.records.complete(transactionId, outcome)) as OperationOutcome;
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
