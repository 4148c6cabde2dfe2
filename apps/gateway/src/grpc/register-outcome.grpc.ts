import { HttpException, HttpStatus } from '@nestjs/common';

import type { PromptRefusal, TerminalServiceReply } from '@payments/contracts';

import { Metadata, StatusObject, status as GrpcStatus } from '@grpc/grpc-js';

import { idempotencyRefusalText, IdempotencyRefusal, RegisterOutcome } from '../outcomes/register-outcome';
import { TerminalServiceOutcome } from '../outcomes/terminal-service-outcome';
import { cardTransactionOf } from './terminal-message.mapper';
import { CardTransactionResponseMessage } from './terminal.messages';

/** Trailing metadata naming the transaction of a failed call, so the register can ask for its outcome. */
export const TRANSACTION_ID_METADATA = 'transaction-id';
const HIDDEN = 'internal error';

/** What a failed call answers: a code, details a person can read, optional trailing metadata. */
export type GrpcError = Pick<StatusObject, 'code' | 'details'> & Partial<Pick<StatusObject, 'metadata'>>;

/** The response message of a call, or the status it fails with. */
export type GrpcAnswer<Response> = { ok: true; response: Response } | { ok: false; error: GrpcError };

/*
 * Codes after the gRPC status code guide: state problems are FAILED_PRECONDITION, retryable
 * conflicts ABORTED, input problems INVALID_ARGUMENT, no outcome in time DEADLINE_EXCEEDED.
 */
const EDGE_REFUSAL_CODES: ReadonlyMap<number, GrpcStatus> = new Map([
  [HttpStatus.BAD_REQUEST, GrpcStatus.INVALID_ARGUMENT],
  [HttpStatus.UNAUTHORIZED, GrpcStatus.UNAUTHENTICATED],
]);

const PROMPT_REFUSAL_CODES: Record<PromptRefusal['code'], GrpcStatus> = {
  unknown_prompt: GrpcStatus.NOT_FOUND,
  invalid_answer: GrpcStatus.INVALID_ARGUMENT,
  already_answered: GrpcStatus.ABORTED,
  expired: GrpcStatus.FAILED_PRECONDITION,
};

/**
 * A card operation, follow-up or prompt answer: the transaction (approved, declined, failed, or a
 * prompt) as the response; a rejection (FAILED_PRECONDITION) or an unknown outcome
 * (DEADLINE_EXCEEDED) names its transaction in the details and the trailing metadata.
 */
export function grpcAnswerOf(outcome: RegisterOutcome): GrpcAnswer<CardTransactionResponseMessage> {
  switch (outcome.kind) {
    case 'approved':
    case 'declined':
    case 'failed':
    case 'prompt':
      return { ok: true, response: { transaction: cardTransactionOf(outcome.reply) } };
    case 'rejected':
      return failure(GrpcStatus.FAILED_PRECONDITION, outcome.reply.responseText, outcome.reply.transactionId);
    case 'outcome_unknown':
      return failure(GrpcStatus.DEADLINE_EXCEEDED, outcome.message, outcome.transactionId);
    case 'prompt_refused':
      return failure(PROMPT_REFUSAL_CODES[outcome.refusal.code], outcome.refusal.message);
    case 'prompt_outcome_unknown':
      return failure(GrpcStatus.DEADLINE_EXCEEDED, outcome.message);
    case 'invalid_request':
      return failure(GrpcStatus.INVALID_ARGUMENT, outcome.message);
    case 'not_accepted':
      return failure(GrpcStatus.FAILED_PRECONDITION, outcome.message);
    case 'key_reused':
    case 'in_progress':
      return idempotencyRefusalAnswerOf(outcome);
  }
}

/** A register service: `toResponse` of an ok reply; nothing to report or copy NOT_FOUND; the host silent UNAVAILABLE, with what happened. */
export function grpcServiceAnswerOf<Response>(outcome: TerminalServiceOutcome, toResponse: (reply: TerminalServiceReply) => Response): GrpcAnswer<Response> {
  switch (outcome.kind) {
    case 'ok':
      return { ok: true, response: toResponse(outcome.reply) };
    case 'rejected':
      return failure(GrpcStatus.NOT_FOUND, outcome.reply.message);
    case 'failed':
      return failure(GrpcStatus.UNAVAILABLE, outcome.reply.message);
    case 'outcome_unknown':
      return failure(GrpcStatus.DEADLINE_EXCEEDED, outcome.message);
    case 'key_reused':
    case 'in_progress':
      return idempotencyRefusalAnswerOf(outcome);
  }
}

/**
 * A thrown error: what the edge refuses before any use case runs (a missing or unknown terminal
 * key, an invalid field, a malformed idempotency-key) with its message, validation messages joined,
 * each naming its field; anything else INTERNAL, which never carries the message.
 */
export function grpcErrorOfException(error: unknown): GrpcError {
  if (!(error instanceof HttpException) || error.getStatus() >= 500) return { code: GrpcStatus.INTERNAL, details: HIDDEN };
  const code = EDGE_REFUSAL_CODES.get(error.getStatus()) ?? GrpcStatus.FAILED_PRECONDITION;
  return { code, details: messageOf(error.getResponse()), metadata: new Metadata() };
}

/** Same key, different body: FAILED_PRECONDITION; same key while the first still runs: ABORTED, retry later. */
function idempotencyRefusalAnswerOf(refusal: IdempotencyRefusal): GrpcAnswer<never> {
  return failure(refusal.kind === 'key_reused' ? GrpcStatus.FAILED_PRECONDITION : GrpcStatus.ABORTED, idempotencyRefusalText(refusal));
}

function failure(code: GrpcStatus, message: string, transactionId?: string): GrpcAnswer<never> {
  const metadata = new Metadata();
  if (transactionId) metadata.set(TRANSACTION_ID_METADATA, transactionId);
  return { ok: false, error: { code, details: transactionId ? `transaction ${transactionId}: ${message}` : message, metadata } };
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const { message } = response as { message?: unknown };
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return 'request refused';
}
