import { AuthorizeReply, AuthorizeRequest, authorizeV1 } from '@payments/contracts';
import { Envelope, LateReplyHandler, MessageBus, RequestTimeoutError } from '@payments/messaging';

import type { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import type { AbandonmentRepository } from '../abandonment/abandonment.repository';
import type { GatewayEnv } from '../config/gateway-env';
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

describe(RegisterOperationRunner.name, () => {
  const late: LateReplyHandler<AuthorizeReply>[] = [];
  const bus = { request: jest.fn(), onLateReply: jest.fn((_c: unknown, handler: LateReplyHandler<AuthorizeReply>) => void late.push(handler)) };
  const idempotency = { start: jest.fn(() => Promise.resolve({ kind: 'new', transactionId: ID })), complete: jest.fn(() => Promise.resolve()) };
  const abandoned = { status: 504, body: { transactionId: ID, status: 'unknown', message: 'being reversed' } };
  const abandon = { execute: jest.fn(() => Promise.resolve(abandoned)) };
  const abandonments = { completeLate: jest.fn(() => Promise.resolve()) };
  const sut = new RegisterOperationRunner(
    bus as unknown as MessageBus,
    { GATEWAY_AUTHORIZE_TIMEOUT_MS: 8000 } as GatewayEnv,
    idempotency as unknown as IdempotencyService,
    abandon as unknown as AbandonOperationUseCase,
    abandonments as unknown as AbandonmentRepository,
  );
  sut.onModuleInit();
  const run = (connection?: AbortSignal) => sut.run(terminal, 'key-0001', { operation: 'purchase' }, authorizeV1, request, connection);

  beforeEach(() => jest.clearAllMocks());

  it('abandons the operation when the deadline passes: authorization is told, the register gets the 504 to keep', async () => {
    bus.request.mockRejectedValue(new RequestTimeoutError('authorization.authorize.v1', 'c', 8000));

    expect(await run()).toBe(abandoned);

    expect(abandon.execute).toHaveBeenCalledWith(terminal, {
      transactionId: ID,
      operation: 'purchase',
      reason: 'the register did not receive the outcome within 8000 ms',
    });
    expect(idempotency.complete).not.toHaveBeenCalled();
  });

  it('abandons an approval whose register closed its connection before it was written', async () => {
    bus.request.mockResolvedValue(reply('approved'));
    const connection = new AbortController();
    connection.abort();

    await run(connection.signal);

    expect(abandon.execute).toHaveBeenCalledWith(terminal, {
      transactionId: ID,
      operation: 'purchase',
      reason: "the register's connection closed before the outcome was delivered",
    });
    expect(idempotency.complete).not.toHaveBeenCalled();
  });

  it('keeps a decline, or an approved cancel, for a retry even when the connection closed: nothing to reverse', async () => {
    const connection = new AbortController();
    connection.abort();
    for (const outcome of [reply('declined'), reply('approved', 'cancel')]) {
      bus.request.mockResolvedValue(outcome);
      await run(connection.signal);
    }

    expect(abandon.execute).not.toHaveBeenCalled();
    expect(idempotency.complete).toHaveBeenCalledTimes(2);
  });

  it('lets a late decline replace the abandoned answer, never a late approval', async () => {
    const envelope = (value: AuthorizeReply) => ({ value }) as Envelope<AuthorizeReply>;
    await late[0](envelope(reply('approved')));
    await late[0](envelope(reply('declined')));

    expect(abandonments.completeLate).toHaveBeenNthCalledWith(1, ID, expect.objectContaining({ status: 201 }), false);
    expect(abandonments.completeLate).toHaveBeenNthCalledWith(2, ID, expect.objectContaining({ status: 201 }), true);
  });
});
