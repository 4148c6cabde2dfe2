import type { SqlRow } from '@payments/persistence';

import type { Account, Balances, TransferType } from './ledger.types';
import type { RecordedTransfer } from './posting.book';

/** BIGINT arrives as text from node-postgres and as bigint or number from PGlite. */
export function toBigInt(value: unknown): bigint {
  return BigInt(value as string | number | bigint);
}

/** A timestamp as either driver returns it: a Date (maybe of another realm, as PGlite's under jest: copied by its time, milliseconds kept) or text. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return Object.prototype.toString.call(value) === '[object Date]' ? new Date((value as Date).getTime()) : new Date(String(value));
}

function balancesOf(row: SqlRow, prefix: string): Balances {
  return {
    debitsPending: toBigInt(row[`${prefix}debits_pending`]),
    debitsPosted: toBigInt(row[`${prefix}debits_posted`]),
    creditsPending: toBigInt(row[`${prefix}credits_pending`]),
    creditsPosted: toBigInt(row[`${prefix}credits_posted`]),
  };
}

export const ACCOUNT_COLUMNS = `"id", "currency", "kind", "debits_must_not_exceed_credits", "credit_limit", "credits_must_not_exceed_debits",
  "debits_pending", "debits_posted", "credits_pending", "credits_posted"`;

export function accountFromRow(row: SqlRow): Account {
  return {
    id: String(row.id),
    currency: String(row.currency),
    kind: String(row.kind),
    debitsMustNotExceedCredits: row.debits_must_not_exceed_credits === true,
    creditLimit: toBigInt(row.credit_limit),
    creditsMustNotExceedDebits: row.credits_must_not_exceed_debits === true,
    ...balancesOf(row, ''),
  };
}

export const TRANSFER_COLUMNS = `"sequence", "id", "type", "debit_account_id", "credit_account_id", "amount", "currency", "pending_id", "expires_at",
  "reference", "request_hash", "created_at", "debit_debits_pending", "debit_debits_posted", "debit_credits_pending", "debit_credits_posted",
  "credit_debits_pending", "credit_debits_posted", "credit_credits_pending", "credit_credits_posted"`;

export function transferFromRow(row: SqlRow): RecordedTransfer {
  return {
    id: String(row.id),
    sequence: toBigInt(row.sequence),
    type: row.type as TransferType,
    debitAccountId: String(row.debit_account_id),
    creditAccountId: String(row.credit_account_id),
    amount: toBigInt(row.amount),
    currency: String(row.currency),
    pendingId: row.pending_id as string | null,
    expiresAt: row.expires_at === null ? null : toDate(row.expires_at),
    reference: row.reference as string | null,
    createdAt: toDate(row.created_at),
    requestHash: String(row.request_hash),
    debitAfter: balancesOf(row, 'debit_'),
    creditAfter: balancesOf(row, 'credit_'),
  };
}
