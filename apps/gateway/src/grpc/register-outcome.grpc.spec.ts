import { BadRequestException, InternalServerErrorException, UnauthorizedException } from '@nestjs/common';

import type { TerminalServiceReply } from '@payments/contracts';

import { status as GrpcStatus } from '@grpc/grpc-js';

import type { RegisterOutcome } from '../outcomes/register-outcome';
import { authorizeReplyOf } from '../testing/authorize-reply.fixture';
import { GrpcAnswer, grpcAnswerOf, grpcErrorOfException, grpcServiceAnswerOf, TRANSACTION_ID_METADATA } from './register-outcome.grpc';

const TX = '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11';
const PROMPT = '7d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';

/** The status of a failed answer as a reader sees it: code name, details, the transaction-id metadata. */
function failureOf(answer: GrpcAnswer<unknown>): { code: string; details: string; transactionId: unknown[] } {
  if (answer.ok) throw new Error('expected the call to fail');
  return { code: GrpcStatus[answer.error.code], details: answer.error.details, transactionId: answer.error.metadata?.get(TRANSACTION_ID_METADATA) ?? [] };
}

describe('gRPC answer of a register outcome', () => {
  it.each(['approved', 'declined', 'failed', 'prompt'] as const)('answers %s as the transaction, receipt lines included', (status) => {
    const answer = grpcAnswerOf({ kind: status, reply: authorizeReplyOf({ status }) });

    expect(answer.ok).toBe(true);
    expect(answer.ok && answer.response.transaction).toMatchObject({ transactionId: TX, status: `TRANSACTION_STATUS_${status.toUpperCase()}` });
    expect(answer.ok && answer.response.transaction.receiptLines.length > 0).toBe(status !== 'prompt');
  });

  it.each<[string, RegisterOutcome, { code: string; details: string; transactionId: unknown[] }]>([
    [
      'a rejection, naming the rule and the journaled transaction',
      { kind: 'rejected', reply: authorizeReplyOf({ status: 'rejected', responseCode: '12', responseText: 'refund exceeds the refundable amount' }) },
      { code: 'FAILED_PRECONDITION', details: `transaction ${TX}: refund exceeds the refundable amount`, transactionId: [TX] },
    ],
    [
      'an unknown outcome, naming the transaction to retry for',
      { kind: 'outcome_unknown', transactionId: TX, message: 'no outcome within 8000 ms; being reversed' },
      { code: 'DEADLINE_EXCEEDED', details: `transaction ${TX}: no outcome within 8000 ms; being reversed`, transactionId: [TX] },
    ],
    [
      'a key used with another body',
      { kind: 'key_reused', idempotencyKey: 'register-42' },
      { code: 'FAILED_PRECONDITION', details: 'Idempotency-Key "register-42" was already used with a different request body', transactionId: [] },
    ],
    [
      'a key whose first request still runs',
      { kind: 'in_progress', idempotencyKey: 'register-42', transactionId: TX },
      {
        code: 'ABORTED',
        details: `the request with Idempotency-Key "register-42" (transaction ${TX}) is still in progress; retry for its outcome`,
        transactionId: [],
      },
    ],
    [
      'a malformed value',
      { kind: 'invalid_request', message: 'currency: XYZ is not an ISO 4217 currency' },
      { code: 'INVALID_ARGUMENT', details: 'currency: XYZ is not an ISO 4217 currency', transactionId: [] },
    ],
    [
      'a currency the terminal refuses',
      { kind: 'not_accepted', message: 'currency: GBP is not accepted' },
      { code: 'FAILED_PRECONDITION', details: 'currency: GBP is not accepted', transactionId: [] },
    ],
    [
      'an unknown prompt',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'unknown_prompt', message: 'no such prompt' } },
      { code: 'NOT_FOUND', details: 'no such prompt', transactionId: [] },
    ],
    [
      'an invalid answer',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'invalid_answer', message: 'rrn: 12 digits' } },
      { code: 'INVALID_ARGUMENT', details: 'rrn: 12 digits', transactionId: [] },
    ],
    [
      'a prompt already answered',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'already_answered', message: 'answered before' } },
      { code: 'ABORTED', details: 'answered before', transactionId: [] },
    ],
    [
      'an expired prompt',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'expired', message: 'the prompt expired' } },
      { code: 'FAILED_PRECONDITION', details: 'the prompt expired', transactionId: [] },
    ],
    [
      'an answer without outcome in time',
      { kind: 'prompt_outcome_unknown', promptId: PROMPT, message: 'send the same answer again' },
      { code: 'DEADLINE_EXCEEDED', details: 'send the same answer again', transactionId: [] },
    ],
  ])('fails %s', (_case, outcome, expected) => {
    expect(failureOf(grpcAnswerOf(outcome))).toEqual(expected);
  });
});

describe('gRPC answer of a register service outcome', () => {
  const reply = (status: TerminalServiceReply['status'], message: string): TerminalServiceReply => ({
    requestId: 'b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10',
    operation: 'close_day',
    status,
    message,
    terminalId: 'DEMO0001',
    merchantId: 'DEMOSHOP0000001',
    processedAt: '2026-11-20T18:00:00.000Z',
  });

  it('answers an ok reply as the message the RPC makes of it', () => {
    expect(grpcServiceAnswerOf({ kind: 'ok', reply: reply('ok', 'batch 7 closed') }, (r) => r.message)).toEqual({ ok: true, response: 'batch 7 closed' });
  });

  it.each<[string, Parameters<typeof grpcServiceAnswerOf>[0], string, string]>([
    [
      'nothing to report or copy',
      { kind: 'rejected', reply: reply('rejected', 'terminal DEMO0001 has no batch 99') },
      'NOT_FOUND',
      'terminal DEMO0001 has no batch 99',
    ],
    [
      'a host that did not answer, saying what happened',
      { kind: 'failed', reply: reply('failed', 'batch 7 closed, host did not confirm the totals; batch 8 open') },
      'UNAVAILABLE',
      'batch 7 closed, host did not confirm the totals; batch 8 open',
    ],
    [
      'no answer in time',
      { kind: 'outcome_unknown', requestId: 'r-1', message: 'no answer from authorization within 8000 ms' },
      'DEADLINE_EXCEEDED',
      'no answer from authorization within 8000 ms',
    ],
    [
      'a close of day whose key still runs',
      { kind: 'in_progress', idempotencyKey: 'close-0001', transactionId: TX },
      'ABORTED',
      expect.stringMatching(/still in progress/),
    ],
  ])('fails %s', (_case, outcome, code, details) => {
    const answer = grpcServiceAnswerOf(outcome, () => 'unused');
    expect(answer.ok ? undefined : { code: GrpcStatus[answer.error.code], details: answer.error.details }).toEqual({ code, details });
  });
});

describe('gRPC status of what the edge refuses', () => {
  it('answers a refused terminal key as UNAUTHENTICATED and invalid fields as INVALID_ARGUMENT, the messages joined', () => {
    expect(grpcErrorOfException(new UnauthorizedException('unknown or disabled terminal API key'))).toMatchObject({
      code: GrpcStatus.UNAUTHENTICATED,
      details: 'unknown or disabled terminal API key',
    });
    const validation = new BadRequestException({
      statusCode: 400,
      message: ['amount: at least 1 minor unit', 'card.ksn: 20 uppercase hex digits'],
      fields: [],
    });
    expect(grpcErrorOfException(validation)).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: 'amount: at least 1 minor unit; card.ksn: 20 uppercase hex digits',
    });
  });

  it('never tells the client what went wrong inside', () => {
    expect(grpcErrorOfException(new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toEqual({ code: GrpcStatus.INTERNAL, details: 'internal error' });
    expect(grpcErrorOfException(new InternalServerErrorException('relation "idempotency_record" does not exist'))).toEqual({
      code: GrpcStatus.INTERNAL,
      details: 'internal error',
    });
  });
});
