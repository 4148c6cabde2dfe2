import { AuthorizeReply, AuthorizeRequest, authorizeRpc } from '@payments/contracts';
import { InProcessRpc } from '@payments/rpc';

import type { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import type { AbandonmentRepository } from '../abandonment/abandonment.repository';
import type { GatewayEnv } from '../config/gateway-env';
import type { InProgressTakeover, TakeOverResult } from '../failover/in-progress-takeover';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { Terminal } from '../terminals/terminal';
import { RegisterOperationRunner } from './register-operation.runner';

const ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const terminal: Terminal = { clientId: 'c1', name: 'Register 7', terminalId: 'DEMO0007', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const request = (transactionId: string): AuthorizeRequest => ({
  transactionId,
  operation: 'purchase',
  terminalId: 'DEMO0007',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: '1500',
  currency: 'EUR',
  card: { bdkId: 'test-bdk', ksn: 'FFFF9876543210E00001', ciphertext: '0123456789ABCDEF' },
  entryMode: 'chip',
  requestedAt: '2026-11-30T10:00:00.000Z',
});
const reply = (status: AuthorizeReply['status'], operation: AuthorizeReply['operation'] = 'purchase'): AuthorizeReply => ({
  transactionId: ID,
  operation,
  status,
  responseCode: status === 'approved' ? '00' : '05',
  responseText: status,
  terminalId: 'DEMO0007',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: '1500',
  currency: 'EUR',
  processedAt: '2026-11-30T10:00:01.000Z',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(RegisterOperationRunner.name, () => {
  // Authorization, in process: each test says how it answers and after how long; the register waits 100 ms.
  let authorization: { reply: AuthorizeReply | Error; afterMs: number } = { reply: reply('approved'), afterMs: 0 };
  const rpc = new InProcessRpc();
  rpc.serve(authorizeRpc, async () => {
    await sleep(authorization.afterMs);
    if (authorization.reply instanceof Error) throw authorization.reply;
    return authorization.reply;
  });
  const idempotency = {
    start: jest.fn<Promise<unknown>, []>(() => Promise.resolve({ kind: 'new', transactionId: ID })),
    settle: jest.fn((_id: string, outcome: unknown) => Promise.resolve(outcome)),
  };
  const abandoned = { kind: 'outcome_unknown', transactionId: ID, message: 'being reversed' };
  const abandon = { execute: jest.fn(() => Promise.resolve(abandoned)) };
  const abandonments = { completeLate: jest.fn(() => Promise.resolve()) };
  // A key in progress stays so unless a test says its gateway stopped.
  const takeover = {
    resolve: jest.fn((_terminal: Terminal, refusal: unknown) => Promise.resolve<TakeOverResult>({ kind: 'answered', outcome: refusal as never })),
  };
  const sut = new RegisterOperationRunner(
    rpc,
    { GATEWAY_AUTHORIZE_TIMEOUT_MS: 100, GATEWAY_LATE_REPLY_GRACE_MS: 2_000 } as GatewayEnv,
    idempotency as unknown as IdempotencyService,
    abandon as unknown as AbandonOperationUseCase,
    abandonments as unknown as AbandonmentRepository,
    takeover as unknown as InProgressTakeover,
  );
  const run = (connection?: AbortSignal) => sut.run(terminal, 'key-0001', { operation: 'purchase' }, authorizeRpc, request, connection);

  beforeEach(() => jest.clearAllMocks());

  it.each(['approved', 'declined', 'rejected', 'prompt'] as const)("answers authorization's %s as that outcome, and keeps it on the key", async (status) => {
    authorization = { reply: reply(status), afterMs: 0 };

    const outcome = await run();

    expect(outcome).toEqual({ kind: status, reply: reply(status) });
    expect(idempotency.settle).toHaveBeenCalledWith(ID, outcome);
  });

  it('answers what another gateway settled first when this one stalled past its lease (an approval it reversed is not answered approved)', async () => {
    authorization = { reply: reply('approved'), afterMs: 0 };
    idempotency.settle.mockResolvedValueOnce(abandoned);

    expect(await run()).toEqual(abandoned);
  });

  it.each([
    ['the first outcome of the key', { kind: 'declined', reply: reply('declined') }],
    ['a refusal of a key used with another body', { kind: 'key_reused', idempotencyKey: 'key-0001' }],
    ['a refusal of a key whose first request still runs', { kind: 'in_progress', idempotencyKey: 'key-0001', transactionId: ID }],
  ])('answers %s without asking authorization', async (_case, outcome) => {
    idempotency.start.mockResolvedValueOnce({ kind: 'answered', outcome });
    authorization = { reply: new Error('authorization must not be asked'), afterMs: 0 };

    expect(await run()).toEqual(outcome);
    expect(idempotency.settle).not.toHaveBeenCalled();
  });

  it('sends a request taken over from a gateway that stopped before forwarding it, under its first transaction id', async () => {
    const taken = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    idempotency.start.mockResolvedValueOnce({ kind: 'answered', outcome: { kind: 'in_progress', idempotencyKey: 'key-0001', transactionId: taken } });
    takeover.resolve.mockResolvedValueOnce({ kind: 'run' });
    const sent: string[] = [];
    authorization = { reply: reply('approved'), afterMs: 0 };

    const outcome = await sut.run(terminal, 'key-0001', { operation: 'purchase' }, authorizeRpc, (id) => (sent.push(id), request(id)));

    expect(sent).toEqual([taken]);
    expect(outcome).toEqual({ kind: 'approved', reply: reply('approved') });
    expect(idempotency.settle).toHaveBeenCalledWith(taken, outcome);
  });

  it('abandons the operation when the deadline passes: authorization is told, the register learns the outcome is unknown', async () => {
    authorization = { reply: reply('approved'), afterMs: 300 };

    expect(await run()).toBe(abandoned);

    expect(abandon.execute).toHaveBeenCalledWith(terminal, {
      transactionId: ID,
      operation: 'purchase',
      reason: 'the register did not receive the outcome within 100 ms',
    });
    expect(idempotency.settle).not.toHaveBeenCalled();
    // The approval that comes later is kept as late, never as the key's outcome.
    await sleep(300);
    expect(abandonments.completeLate).toHaveBeenCalledWith(ID, { kind: 'approved', reply: authorization.reply }, false);
    expect(idempotency.settle).not.toHaveBeenCalled();
  });

  it('abandons an approval whose register closed its connection before it was written', async () => {
    authorization = { reply: reply('approved'), afterMs: 0 };
    const connection = new AbortController();
    connection.abort();

    await run(connection.signal);

    expect(abandon.execute).toHaveBeenCalledWith(terminal, {
      transactionId: ID,
      operation: 'purchase',
      reason: "the register's connection closed before the outcome was delivered",
    });
    expect(idempotency.settle).not.toHaveBeenCalled();
  });

  it('keeps a decline, or an approved cancel, for a retry even when the connection closed: nothing to reverse', async () => {
    const connection = new AbortController();
    connection.abort();
    for (const outcome of [reply('declined'), reply('approved', 'cancel')]) {
      authorization = { reply: outcome, afterMs: 0 };
      await run(connection.signal);
    }

    expect(abandon.execute).not.toHaveBeenCalled();
    expect(idempotency.settle).toHaveBeenCalledTimes(2);
  });

  it('lets a late decline replace the abandoned answer, never a late approval', async () => {
    for (const outcome of [reply('approved'), reply('declined')]) {
      authorization = { reply: outcome, afterMs: 200 };
      expect(await run()).toBe(abandoned);
      await sleep(250);
    }

    expect(abandonments.completeLate).toHaveBeenNthCalledWith(1, ID, expect.objectContaining({ kind: 'approved' }), false);
    expect(abandonments.completeLate).toHaveBeenNthCalledWith(2, ID, expect.objectContaining({ kind: 'declined' }), true);
  });

  it('lets a failure of authorization itself surface: nothing is abandoned', async () => {
    authorization = { reply: new Error('journal unavailable'), afterMs: 0 };

    await expect(run()).rejects.toThrow('journal unavailable');
    expect(abandon.execute).not.toHaveBeenCalled();
  });
});
