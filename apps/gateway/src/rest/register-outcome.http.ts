import { BadRequestException, ConflictException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import type { Response } from 'express';

import type { PromptRefusal, TerminalServiceReply } from '@payments/contracts';

import { idempotencyRefusalText, IdempotencyRefusal, RegisterOutcome } from '../outcomes/register-outcome';
import { TerminalServiceOutcome } from '../outcomes/terminal-service-outcome';
import { operationResponseOf } from '../receipts/operation-response.mapper';

/** An outcome as the REST API answers it: the status and the JSON body integrators rely on. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

const PROMPT_REFUSAL_STATUS: Record<PromptRefusal['code'], number> = { unknown_prompt: 404, invalid_answer: 400, already_answered: 409, expired: 410 };

/** ok 200; rejected (nothing to report, no such receipt) 404; failed (the host did not answer) 502. */
const SERVICE_STATUS: Record<TerminalServiceReply['status'], number> = { ok: 200, rejected: 404, failed: 502 };

/**
 * A card operation, follow-up or prompt answer: 201 with the operation (approved, declined,
 * failed), 202 while it waits for the cashier, 422 naming the rule that rejected it, 504 when the
 * register cannot learn the outcome; refusals as Nest renders the matching HttpException.
 */
export function httpAnswerOf(outcome: RegisterOutcome): HttpAnswer {
  switch (outcome.kind) {
    case 'approved':
    case 'declined':
    case 'failed':
      return { status: 201, body: operationResponseOf(outcome.reply) };
    case 'prompt':
      return { status: 202, body: operationResponseOf(outcome.reply) };
    case 'rejected':
      return { status: 422, body: { ...operationResponseOf(outcome.reply), message: outcome.reply.responseText } };
    case 'outcome_unknown':
      return { status: 504, body: { transactionId: outcome.transactionId, status: 'unknown', message: outcome.message } };
    case 'prompt_refused':
      return {
        status: PROMPT_REFUSAL_STATUS[outcome.refusal.code],
        body: { promptId: outcome.promptId, error: outcome.refusal.code, message: outcome.refusal.message },
      };
    case 'prompt_outcome_unknown':
      return { status: 504, body: { promptId: outcome.promptId, status: 'unknown', message: outcome.message } };
    case 'invalid_request':
      return exceptionAnswerOf(new BadRequestException(outcome.message));
    case 'not_accepted':
      return exceptionAnswerOf(new UnprocessableEntityException(outcome.message));
    case 'key_reused':
    case 'in_progress':
      return idempotencyRefusalAnswerOf(outcome);
  }
}

/** A register service: its reply as authorization sent it, the operations in it as register responses (a receipt copy marked COPY). */
export function serviceHttpAnswerOf(outcome: TerminalServiceOutcome): HttpAnswer {
  switch (outcome.kind) {
    case 'ok':
    case 'rejected':
    case 'failed':
      return { status: SERVICE_STATUS[outcome.kind], body: serviceBodyOf(outcome.reply) };
    case 'outcome_unknown':
      return { status: 504, body: { requestId: outcome.requestId, status: 'unknown', message: outcome.message } };
    case 'key_reused':
    case 'in_progress':
      return idempotencyRefusalAnswerOf(outcome);
  }
}

/** Writes the status; the body is what the handler returns (`@Res({ passthrough: true })`). */
export function send(res: Response, answer: HttpAnswer): unknown {
  res.status(answer.status);
  return answer.body;
}

/** Same key, different body: 422 (Stripe's rule); same key while the first is still running: 409, retry later. */
function idempotencyRefusalAnswerOf(refusal: IdempotencyRefusal): HttpAnswer {
  const text = idempotencyRefusalText(refusal);
  return exceptionAnswerOf(refusal.kind === 'key_reused' ? new UnprocessableEntityException(text) : new ConflictException(text));
}

/** The body Nest's exception filter writes for the exception ({ message, error, statusCode }). */
function exceptionAnswerOf(exception: HttpException): HttpAnswer {
  return { status: exception.getStatus(), body: exception.getResponse() };
}

function serviceBodyOf(reply: TerminalServiceReply): unknown {
  if (reply.operation === 'receipt_copy' && reply.receipt) return { ...reply, receipt: operationResponseOf(reply.receipt, true) };
  if (reply.transactions) return { ...reply, transactions: reply.transactions.map((t) => operationResponseOf(t)) };
  return reply;
}
