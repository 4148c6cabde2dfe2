import type { AuthorizeReply, TerminalServiceReply } from '@payments/contracts';

import type { IdempotencyRecord } from '../generated/prisma/client';
import type { OperationOutcome } from '../outcomes/register-outcome';
import type { ServiceAnswered } from '../outcomes/terminal-service-outcome';
import type { OperationResponse } from '../receipts/operation-response.mapper';

/** What an Idempotency-Key replays: an operation's outcome (or that it is unknown), or a close of day's. */
export type StoredOutcome = OperationOutcome | ServiceAnswered;

/** States of an idempotency record: abandoned is an operation the register gave up on (being reversed, or waiting for its outcome). */
export const IN_PROGRESS = 'in_progress';
export const COMPLETED = 'completed';
export const ABANDONED = 'abandoned';

/** The record's outcome; a record written before outcomes were stored is read from its HTTP response. */
export function storedOutcomeOf(record: Pick<IdempotencyRecord, 'outcome' | 'responseStatus' | 'responseBody'>): StoredOutcome | undefined {
  if (record.outcome !== null) return record.outcome as unknown as StoredOutcome;
  if (record.responseStatus === null) return undefined;
  return legacyOutcomeOf(record.responseStatus, record.responseBody);
}

/** The columns that store `outcome` (a JSON document). */
export function outcomeColumns(outcome: StoredOutcome): { outcome: object } {
  return { outcome: outcome };
}

/** The HTTP status the previous version stored for an operation the register did not learn the outcome of. */
const OUTCOME_UNKNOWN_STATUS = 504;

/**
 * A record written by the previous version kept the REST response (status and body), not the
 * outcome. Read back into the outcome, so it replays over either channel: a 504 is an unknown
 * outcome; a body with a requestId a close of day's reply (as authorization sent it); any other an
 * operation's response, whose reply it was made from (amounts back to decimal minor units; the
 * receipt is printed again from the reply, as it was the first time).
 */
export function legacyOutcomeOf(status: number, body: unknown): StoredOutcome {
  const fields = body as Record<string, unknown>;
  if (status === OUTCOME_UNKNOWN_STATUS) return { kind: 'outcome_unknown', transactionId: String(fields.transactionId), message: String(fields.message) };
  if (typeof fields.requestId === 'string') {
    const reply = body as TerminalServiceReply;
    return { kind: reply.status, reply };
  }
  const { amount, balance, receipt: _receipt, message: _message, ...rest } = body as OperationResponse & { message?: string };
  const reply: AuthorizeReply = { ...rest, amountMinor: String(amount), ...(balance === undefined ? {} : { balanceMinor: String(balance) }) };
  return { kind: reply.status, reply };
}
