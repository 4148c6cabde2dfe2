import { TerminalServiceReply } from '@payments/contracts';
import { Envelope, LateReplyHandler, MessageBus, RequestTimeoutError } from '@payments/messaging';

import type { GatewayEnv } from '../config/gateway-env';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { Terminal } from '../terminals/terminal';
import { TerminalServiceUseCase } from './terminal-service.usecase';

const ID = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const terminal: Terminal = { clientId: 'c2', name: 'Register 2', terminalId: 'DEMO0002', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const closed = (operation: TerminalServiceReply['operation'] = 'close_day'): Envelope<TerminalServiceReply> =>
  ({
    value: {
      requestId: ID,
      operation,
      status: 'ok',
      message: 'batch 4 closed',
      terminalId: 'DEMO0002',
      merchantId: 'DEMOSHOP0000001',
      processedAt: '2026-11-30T22:00:00.000Z',
      nextBatchNumber: 5,
    },
  }) as Envelope<TerminalServiceReply>;

describe(TerminalServiceUseCase.name, () => {
  const late: LateReplyHandler<TerminalServiceReply>[] = [];
  const bus = { request: jest.fn(), onLateReply: jest.fn((_c: unknown, handler: LateReplyHandler<TerminalServiceReply>) => void late.push(handler)) };
  const idempotency = { start: jest.fn(() => Promise.resolve({ kind: 'new', transactionId: ID })), complete: jest.fn(() => Promise.resolve()) };
  const sut = new TerminalServiceUseCase(
    bus as unknown as MessageBus,
    { GATEWAY_AUTHORIZE_TIMEOUT_MS: 8000 } as GatewayEnv,
    idempotency as unknown as IdempotencyService,
  );
  sut.onModuleInit();

  beforeEach(() => jest.clearAllMocks());

  it('leaves the key of a close of day that timed out open, and completes it with the late outcome', async () => {
    bus.request.mockRejectedValue(new RequestTimeoutError('authorization.terminal-service.v1', 'c', 8000));

    const timedOut = await sut.closeDay(terminal, 'close-0001');
    expect(timedOut.status).toBe(504);
    expect(idempotency.complete).not.toHaveBeenCalled();

    await late[0](closed());
    expect(idempotency.complete).toHaveBeenCalledWith(ID, { status: 200, body: expect.objectContaining({ operation: 'close_day', nextBatchNumber: 5 }) });
  });

  it('ignores late answers to services no key waits for (connection check, reports, copies)', async () => {
    await late[0](closed('connection_check'));
    expect(idempotency.complete).not.toHaveBeenCalled();
  });
});
