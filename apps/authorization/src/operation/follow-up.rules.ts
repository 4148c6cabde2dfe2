import type { FollowUpRequest } from '@payments/contracts';

import type { Transaction } from '../generated/prisma/client';
import { isCancelOperation, profileOf } from '../operations/operation-profile';

export type FollowUpDecision = { ok: true; amountMinor: bigint } | { ok: false; responseCode: string; reason: string };

type Original = Pick<
  Transaction,
  'id' | 'operation' | 'status' | 'amountMinor' | 'currency' | 'returnedMinor' | 'completedMinor' | 'batchNumber' | 'expiresAt' | 'panCiphertext' | 'hostSentAt'
>;

const reject = (responseCode: string, reason: string): FollowUpDecision => ({ ok: false, responseCode, reason });

/**
 * The rules a cancel, refund, completion or emergency cancel must pass before any host is asked
 * (ISO 8583 response codes: 12 invalid transaction, 13 invalid amount, 25 no such record,
 * 54 expired). A refusal changes nothing on the original.
 */
export function decideFollowUp(
  request: Pick<FollowUpRequest, 'operation' | 'amountMinor' | 'currency'>,
  original: Original | null,
  openBatch: number,
  now: Date,
): FollowUpDecision {
  const { operation } = request;
  if (!original) {
    return operation === 'emergency_cancel'
      ? reject('25', 'the terminal has no operation to cancel')
      : reject('25', 'original transaction not found for this terminal');
  }
  const profile = profileOf(original.operation);
  if (operation === 'emergency_cancel' && isCancelOperation(original.operation)) return reject('12', `the last operation ${original.id} is itself a cancel`);
  if (original.status !== 'approved') return reject('12', `the original ${original.id} is ${original.status}, not approved`);
  if (!original.panCiphertext || !original.hostSentAt)
    return reject('12', `the original ${original.id} never reached the host: nothing to ${operation.replace('_', ' ')}`);
  if (request.currency && request.currency !== original.currency)
    return reject('13', `currency: ${request.currency} differs from the original's ${original.currency}`);

  const remaining = original.amountMinor - original.returnedMinor;
  const requested = request.amountMinor === undefined ? undefined : BigInt(request.amountMinor);
  switch (operation) {
    case 'cancel':
    case 'emergency_cancel': {
      if (!profile.cancellable) return reject('12', `a ${original.operation} cannot be cancelled`);
      if (original.batchNumber !== openBatch)
        return reject('12', `the original is in batch ${original.batchNumber}, closed by close of day: refund it instead`);
      if (original.completedMinor > 0n) return reject('12', 'the preauthorization is completed: cancel the completion instead');
      return withinRemaining(requested ?? remaining, remaining, 'cancel');
    }
    case 'refund': {
      if (!profile.refundable) return reject('12', `a ${original.operation} cannot be refunded`);
      if (original.batchNumber === openBatch) return reject('12', 'the original is in the open batch (same business day): cancel it instead');
      return withinRemaining(requested ?? remaining, remaining, 'refund');
    }
    case 'completion': {
      if (original.operation !== 'preauthorization') return reject('12', `only a preauthorization can be completed, not a ${original.operation}`);
      if (original.completedMinor > 0n) return reject('12', 'the preauthorization is already completed');
      if (original.expiresAt && original.expiresAt <= now) return reject('54', `the preauthorization expired at ${original.expiresAt.toISOString()}`);
      const amount = requested ?? original.amountMinor;
      if (amount <= 0n) return reject('13', 'amount: a completion needs an amount above 0');
      if (amount > original.amountMinor) return reject('13', `amount: ${amount} is above the preauthorized ${original.amountMinor}`);
      return { ok: true, amountMinor: amount };
    }
  }
}

function withinRemaining(amount: bigint, remaining: bigint, what: string): FollowUpDecision {
  if (amount <= 0n) return reject('13', `amount: a ${what} needs an amount above 0`);
  if (remaining === 0n) return reject('12', 'nothing is left of the original: it was cancelled or refunded in full');
  if (amount > remaining) return reject('13', `amount: ${amount} is above what is left of the original (${remaining})`);
  return { ok: true, amountMinor: amount };
}
