import type { TerminalServiceReply } from '@payments/contracts';

import type { RegisterOutcome } from '../outcomes/register-outcome';
import type { TerminalServiceOutcome } from '../outcomes/terminal-service-outcome';
import { operationResponseOf } from '../receipts/operation-response.mapper';
import { authorizeReplyOf } from '../testing/authorize-reply.fixture';
import { httpAnswerOf, serviceHttpAnswerOf } from './register-outcome.http';

const TX = '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11';
const PROMPT = '7d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';

describe('REST answer of a register outcome', () => {
  it.each([
    ['approved', 201],
    ['declined', 201],
    ['failed', 201],
    ['prompt', 202],
  ] as const)('answers %s as %i with the operation, its receipt printed unless a prompt waits', (status, http) => {
    const reply = authorizeReplyOf({ status });
    const answer = httpAnswerOf({ kind: status, reply });

    expect(answer).toEqual({ status: http, body: operationResponseOf(reply) });
    expect((answer.body as { receipt: string[] }).receipt.includes('AMOUNT 12.50 EUR')).toBe(status !== 'prompt');
  });

  it('answers a rejection as 422 with the operation and the broken rule as `message`, last', () => {
    const reply = authorizeReplyOf({ status: 'rejected', responseCode: '12', responseText: 'refund exceeds the refundable amount' });
    const answer = httpAnswerOf({ kind: 'rejected', reply });

    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toBe(JSON.stringify({ ...operationResponseOf(reply), message: 'refund exceeds the refundable amount' }));
  });

  it.each<[string, RegisterOutcome, number, object]>([
    [
      'an unknown outcome',
      { kind: 'outcome_unknown', transactionId: TX, message: 'being reversed' },
      504,
      { transactionId: TX, status: 'unknown', message: 'being reversed' },
    ],
    [
      'a key used with another body',
      { kind: 'key_reused', idempotencyKey: 'register-42' },
      422,
      { message: 'Idempotency-Key "register-42" was already used with a different request body', error: 'Unprocessable Entity', statusCode: 422 },
    ],
    [
      'a key whose first request still runs',
      { kind: 'in_progress', idempotencyKey: 'register-42', transactionId: TX },
      409,
      {
        message: `the request with Idempotency-Key "register-42" (transaction ${TX}) is still in progress; retry for its outcome`,
        error: 'Conflict',
        statusCode: 409,
      },
    ],
    [
      'a malformed currency',
      { kind: 'invalid_request', message: 'currency: XYZ is not an ISO 4217 currency' },
      400,
      { message: 'currency: XYZ is not an ISO 4217 currency', error: 'Bad Request', statusCode: 400 },
    ],
    [
      'a currency the terminal refuses',
      { kind: 'not_accepted', message: 'currency: GBP is not accepted' },
      422,
      { message: 'currency: GBP is not accepted', error: 'Unprocessable Entity', statusCode: 422 },
    ],
    [
      'an unknown prompt',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'unknown_prompt', message: 'no such prompt' } },
      404,
      { promptId: PROMPT, error: 'unknown_prompt', message: 'no such prompt' },
    ],
    [
      'an invalid answer',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'invalid_answer', message: 'rrn: 12 digits' } },
      400,
      { promptId: PROMPT, error: 'invalid_answer', message: 'rrn: 12 digits' },
    ],
    [
      'a prompt already answered',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'already_answered', message: 'answered before' } },
      409,
      { promptId: PROMPT, error: 'already_answered', message: 'answered before' },
    ],
    [
      'an expired prompt',
      { kind: 'prompt_refused', promptId: PROMPT, refusal: { code: 'expired', message: 'the prompt expired' } },
      410,
      { promptId: PROMPT, error: 'expired', message: 'the prompt expired' },
    ],
    [
      'an answer without outcome in time',
      { kind: 'prompt_outcome_unknown', promptId: PROMPT, message: 'send the same answer again' },
      504,
      { promptId: PROMPT, status: 'unknown', message: 'send the same answer again' },
    ],
  ])('answers %s', (_case, outcome, status, body) => {
    const answer = httpAnswerOf(outcome);
    expect({ status: answer.status, body: JSON.stringify(answer.body) }).toEqual({ status, body: JSON.stringify(body) });
  });
});

describe('REST answer of a register service outcome', () => {
  const reply = (overrides: Partial<TerminalServiceReply>): TerminalServiceReply => ({
    requestId: 'b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10',
    operation: 'close_day',
    status: 'ok',
    message: 'batch 7 closed',
    terminalId: 'DEMO0001',
    merchantId: 'DEMOSHOP0000001',
    processedAt: '2026-11-20T18:00:00.000Z',
    ...overrides,
  });

  it.each([
    ['ok', 200],
    ['rejected', 404],
    ['failed', 502],
  ] as const)('answers %s as %i with the reply as authorization sent it', (status, http) => {
    const answered = reply({ status });
    expect(serviceHttpAnswerOf({ kind: status, reply: answered })).toEqual({ status: http, body: answered });
  });

  it('prints a receipt copy marked COPY, and every operation of a full report as a register response', () => {
    const purchase = authorizeReplyOf();
    const copy = serviceHttpAnswerOf({ kind: 'ok', reply: reply({ operation: 'receipt_copy', receipt: purchase }) });
    const report = serviceHttpAnswerOf({ kind: 'ok', reply: reply({ operation: 'report', transactions: [purchase] }) });

    expect((copy.body as { receipt: { receipt: string[] } }).receipt.receipt[0]).toBe('*** COPY ***');
    expect((report.body as { transactions: unknown[] }).transactions).toEqual([operationResponseOf(purchase)]);
  });

  it.each<[string, TerminalServiceOutcome, number, object]>([
    [
      'no answer in time',
      { kind: 'outcome_unknown', requestId: 'r-1', message: 'no answer from authorization within 8000 ms' },
      504,
      { requestId: 'r-1', status: 'unknown', message: 'no answer from authorization within 8000 ms' },
    ],
    [
      'a close of day key used with another body',
      { kind: 'key_reused', idempotencyKey: 'close-0001' },
      422,
      { message: 'Idempotency-Key "close-0001" was already used with a different request body', error: 'Unprocessable Entity', statusCode: 422 },
    ],
  ])('answers %s', (_case, outcome, status, body) => {
    expect(serviceHttpAnswerOf(outcome)).toEqual({ status, body });
  });
});
