import type { Transaction } from '../generated/prisma/client';

/**
 * The journal row as the repository's raw statements return it: money and the business day as
 * text (the same on PostgreSQL and PGlite), and `version` (the row's xmin), which changes with
 * every write to the row, so a change can be made conditional on the row being what was read.
 */
export const JOURNAL_COLUMNS = `"id"::text AS "id", "operation", "terminal_id", "merchant_id", "amount_minor"::text AS "amount_minor", "currency",
  "request_hash", "card_token", "masked_pan", "card_scheme", "pan_key_id", "pan_ciphertext", "stan", "rrn", "host_sent_at", "approval_code",
  "response_code", "status", "status_reason", "business_day"::text AS "business_day", "batch_number", "original_id"::text AS "original_id",
  "host_mti", "processing_code", "returned_minor"::text AS "returned_minor", "completed_minor"::text AS "completed_minor", "expires_at",
  "balance_minor"::text AS "balance_minor", "acquirer_id", "created_at", "updated_at", "xmin"::text AS "version"`;

export interface JournalRecord {
  id: string;
  operation: string;
  terminal_id: string;
  merchant_id: string;
  amount_minor: string;
  currency: string;
  request_hash: string;
  card_token: string | null;
  masked_pan: string | null;
  card_scheme: string | null;
  pan_key_id: string | null;
  pan_ciphertext: string | null;
  stan: string | null;
  rrn: string | null;
  host_sent_at: Date | string | null;
  approval_code: string | null;
  response_code: string | null;
  status: string;
  status_reason: string | null;
  business_day: string;
  batch_number: number;
  original_id: string | null;
  host_mti: string | null;
  processing_code: string | null;
  returned_minor: string;
  completed_minor: string;
  expires_at: Date | string | null;
  balance_minor: string | null;
  acquirer_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: string;
}

/** A journal row and the version it was read at. */
export interface JournalVersion {
  readonly row: Transaction;
  readonly version: string;
}

const dateOf = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : dateOf(value));
const bigintOrNull = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

export function journalVersionOf(record: JournalRecord): JournalVersion {
  return {
    version: record.version,
    row: {
      id: record.id,
      operation: record.operation,
      terminalId: record.terminal_id,
      merchantId: record.merchant_id,
      amountMinor: BigInt(record.amount_minor),
      currency: record.currency,
      requestHash: record.request_hash,
      cardToken: record.card_token,
      maskedPan: record.masked_pan,
      cardScheme: record.card_scheme,
      panKeyId: record.pan_key_id,
      panCiphertext: record.pan_ciphertext,
      stan: record.stan,
      rrn: record.rrn,
      hostSentAt: dateOrNull(record.host_sent_at),
      approvalCode: record.approval_code,
      responseCode: record.response_code,
      status: record.status,
      statusReason: record.status_reason,
      businessDay: new Date(`${record.business_day}T00:00:00Z`),
      batchNumber: Number(record.batch_number),
      originalId: record.original_id,
      hostMti: record.host_mti,
      processingCode: record.processing_code,
      returnedMinor: BigInt(record.returned_minor),
      completedMinor: BigInt(record.completed_minor),
      expiresAt: dateOrNull(record.expires_at),
      balanceMinor: bigintOrNull(record.balance_minor),
      acquirerId: record.acquirer_id,
      createdAt: dateOf(record.created_at),
      updatedAt: dateOf(record.updated_at),
    },
  };
}
