import { findCurrencyByAlpha } from '@payments/money';

import { LedgerError } from './ledger.error';
import type { AccountRequest, TransferRequest } from './ledger.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KIND = /^[a-z][a-z0-9_]{0,31}$/;
/** BIGINT's ceiling: a sum past it would overflow the balance columns. */
const MAX_AMOUNT = 2n ** 63n - 1n;
const MAX_REFERENCE = 128;
/** A year: a longer reservation is a mistake, not a hold. */
const MAX_TIMEOUT_SECONDS = 366 * 24 * 3600;

function invalid(id: string, field: string, problem: string): LedgerError {
  return new LedgerError('invalid_field', id, `${field} ${problem}`);
}

function requireUuid(id: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || !UUID.test(value)) throw invalid(id, field, 'must be a lower-case UUID');
}

function requireCurrency(id: string, value: unknown): void {
  if (typeof value !== 'string' || !findCurrencyByAlpha(value)) throw invalid(id, 'currency', 'must be an ISO 4217 alphabetic code');
}

function requireAmount(id: string, value: unknown): void {
  if (typeof value !== 'bigint' || value <= 0n || value > MAX_AMOUNT) {
    throw new LedgerError('amount_not_positive_integer', id, 'amount must be a positive integer of minor units (bigint)');
  }
}

function requireReference(id: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value.length > MAX_REFERENCE)) {
    throw invalid(id, 'reference', `must be text of at most ${MAX_REFERENCE} characters`);
  }
}

/** Checks what can be checked without the database; throws a LedgerError naming the field. */
export function validateTransferRequest(request: TransferRequest): void {
  const id = typeof request.id === 'string' ? request.id : '?';
  requireUuid(id, 'id', request.id);
  requireReference(id, request.reference);
  if (request.type === 'post' || request.type === 'void') {
    requireUuid(id, 'pendingId', request.pendingId);
    if (request.type === 'post' && request.amount !== undefined) requireAmount(id, request.amount);
    return;
  }
  requireUuid(id, 'debitAccountId', request.debitAccountId);
  requireUuid(id, 'creditAccountId', request.creditAccountId);
  requireCurrency(id, request.currency);
  requireAmount(id, request.amount);
  if (request.debitAccountId === request.creditAccountId) {
    throw new LedgerError('same_account_both_sides', id, 'debitAccountId and creditAccountId are the same account');
  }
  if (request.type === 'pending' && request.timeoutSeconds !== undefined) {
    const t = request.timeoutSeconds;
    if (!Number.isInteger(t) || t <= 0 || t > MAX_TIMEOUT_SECONDS)
      throw invalid(id, 'timeoutSeconds', `must be a whole number of seconds, 1 to ${MAX_TIMEOUT_SECONDS}`);
  }
}

export function validateAccountRequest(request: AccountRequest): void {
  const id = typeof request.id === 'string' ? request.id : '?';
  requireUuid(id, 'id', request.id);
  requireCurrency(id, request.currency);
  if (typeof request.kind !== 'string' || !KIND.test(request.kind)) throw invalid(id, 'kind', 'must be a lower-case word of at most 32 characters');
  const limit = request.creditLimit;
  if (limit !== undefined && (typeof limit !== 'bigint' || limit < 0n || limit > MAX_AMOUNT)) {
    throw invalid(id, 'creditLimit', 'must be a non-negative integer of minor units (bigint)');
  }
  if (limit !== undefined && limit > 0n && !request.debitsMustNotExceedCredits) {
    throw invalid(id, 'creditLimit', 'only applies with debitsMustNotExceedCredits');
  }
  if (request.debitsMustNotExceedCredits && request.creditsMustNotExceedDebits) {
    throw invalid(id, 'limits', 'debitsMustNotExceedCredits and creditsMustNotExceedDebits exclude each other');
  }
}
