import type { AuthorizeReply, PromptRefusal } from '@payments/contracts';

/**
 * What a register learns from a card operation, a follow-up or a prompt's answer, whatever the
 * channel (REST, gRPC): each channel maps this one type to its own shape. Stored on the
 * Idempotency-Key, so a retry over either channel replays it in that channel's shape.
 */
export type RegisterOutcome = DecidedOutcome | OutcomeUnknown | IdempotencyRefusal | RequestRefusal | PromptRefused | PromptOutcomeUnknown;

/** What an operation's Idempotency-Key keeps: its outcome, or that the register did not learn it. */
export type OperationOutcome = DecidedOutcome | OutcomeUnknown;

/**
 * Authorization answered: approved, declined, failed (the host did not answer), rejected (a
 * platform rule, named in `responseText`; nothing moved), or prompt (waits for the cashier).
 */
export interface DecidedOutcome {
  readonly kind: AuthorizeReply['status'];
  readonly reply: AuthorizeReply;
}

/**
 * The register did not learn the outcome (its deadline passed, its connection closed, the call to
 * authorization broke): `message` says whether it is being reversed or a retry gets its outcome.
 */
export interface OutcomeUnknown {
  readonly kind: 'outcome_unknown';
  readonly transactionId: string;
  readonly message: string;
}

/** The Idempotency-Key was used before: with another body, or by a request still running. */
export type IdempotencyRefusal =
  | { readonly kind: 'key_reused'; readonly idempotencyKey: string }
  | { readonly kind: 'in_progress'; readonly idempotencyKey: string; readonly transactionId: string };

/** Refused before authorization was asked: a malformed value, or one this terminal does not accept. */
export interface RequestRefusal {
  readonly kind: 'invalid_request' | 'not_accepted';
  readonly message: string;
}

/** The answer to a prompt was not taken (unknown, invalid, already answered, expired). */
export interface PromptRefused {
  readonly kind: 'prompt_refused';
  readonly promptId: string;
  readonly refusal: PromptRefusal;
}

/** An answer to a prompt got no outcome in time; the same answer again gets it. */
export interface PromptOutcomeUnknown {
  readonly kind: 'prompt_outcome_unknown';
  readonly promptId: string;
  readonly message: string;
}

export function decidedOutcomeOf(reply: AuthorizeReply): DecidedOutcome {
  return { kind: reply.status, reply };
}

/** What a register is told when its Idempotency-Key cannot be used (Stripe's rule: same key, same body). */
export function idempotencyRefusalText(refusal: IdempotencyRefusal): string {
  if (refusal.kind === 'key_reused') return `Idempotency-Key "${refusal.idempotencyKey}" was already used with a different request body`;
  return `the request with Idempotency-Key "${refusal.idempotencyKey}" (transaction ${refusal.transactionId}) is still in progress; retry for its outcome`;
}
