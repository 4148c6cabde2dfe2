import type { TerminalServiceReply } from '@payments/contracts';

import { httpAnswerOf, serviceHttpAnswerOf } from '../rest/register-outcome.http';
import { authorizeReplyOf } from '../testing/authorize-reply.fixture';
import { storedOutcomeOf } from './stored-outcome';

const TX = '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11';

/** A record as the previous version wrote it: the REST response, no outcome. */
const legacyRecord = (answer: { status: number; body: unknown }) => ({ outcome: null, responseStatus: answer.status, responseBody: answer.body as object });

describe(storedOutcomeOf.name, () => {
  it('reads the outcome a record keeps', () => {
    const outcome = { kind: 'declined', reply: authorizeReplyOf({ status: 'declined', responseCode: '51' }) };
    expect(storedOutcomeOf({ outcome, responseStatus: null, responseBody: null })).toEqual(outcome);
  });

  it('has none while the request is in progress', () => {
    expect(storedOutcomeOf({ outcome: null, responseStatus: null, responseBody: null })).toBeUndefined();
  });

  it.each([
    ['an approval with a balance', authorizeReplyOf({ operation: 'balance_inquiry', amountMinor: '0', balanceMinor: '-1520' })],
    ['a rejection', authorizeReplyOf({ status: 'rejected', responseCode: '12', responseText: 'refund exceeds the refundable amount' })],
    [
      'a prompt',
      authorizeReplyOf({
        status: 'prompt',
        prompt: { promptId: TX, kind: 'enter_original_rrn', text: 'RRN?', input: { type: 'digits', length: 12 }, expiresAt: '2026-11-20T10:20:00.000Z' },
      }),
    ],
  ])('replays %s a previous version stored as its REST response exactly as it answered then', (_case, reply) => {
    const first = httpAnswerOf({ kind: reply.status, reply });
    const outcome = storedOutcomeOf(legacyRecord(first));

    expect(outcome).toMatchObject({ kind: reply.status, reply: { transactionId: reply.transactionId, amountMinor: reply.amountMinor } });
    expect(JSON.stringify(httpAnswerOf(outcome as never))).toBe(JSON.stringify(first));
  });

  it('replays a stored 504 (the operation being reversed) as an unknown outcome', () => {
    const body = { transactionId: TX, status: 'unknown', message: 'this purchase is being reversed' };
    expect(storedOutcomeOf(legacyRecord({ status: 504, body }))).toEqual({ kind: 'outcome_unknown', transactionId: TX, message: body.message });
  });

  it("replays a stored close of day as authorization's reply", () => {
    const reply: TerminalServiceReply = {
      requestId: TX,
      operation: 'close_day',
      status: 'failed',
      message: 'batch 7 closed, host did not confirm the totals; batch 8 open',
      terminalId: 'DEMO0001',
      merchantId: 'DEMOSHOP0000001',
      processedAt: '2026-11-20T18:00:00.000Z',
      nextBatchNumber: 8,
    };
    const first = serviceHttpAnswerOf({ kind: 'failed', reply });

    expect(serviceHttpAnswerOf(storedOutcomeOf(legacyRecord(first)) as never)).toEqual(first);
  });
});
