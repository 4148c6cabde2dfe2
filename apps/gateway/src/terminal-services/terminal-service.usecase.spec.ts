import { TerminalServiceReply, terminalServiceRpc } from '@payments/contracts';
import { InProcessRpc } from '@payments/rpc';

import type { GatewayEnv } from '../config/gateway-env';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { Terminal } from '../terminals/terminal';
import { TerminalServiceUseCase } from './terminal-service.usecase';

const ID = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const terminal: Terminal = { clientId: 'c2', name: 'Register 2', terminalId: 'DEMO0002', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const answer = (operation: TerminalServiceReply['operation'], requestId: string): TerminalServiceReply => ({
  requestId,
  operation,
  status: 'ok',
  message: 'batch 4 closed',
  terminalId: 'DEMO0002',
  merchantId: 'DEMOSHOP0000001',
  processedAt: '2026-11-30T22:00:00.000Z',
  nextBatchNumber: 5,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(TerminalServiceUseCase.name, () => {
  // Authorization, in process, answers after 300 ms; the register waits 100 ms.
  const rpc = new InProcessRpc();
  rpc.serve(terminalServiceRpc, async (request) => {
    await sleep(300);
    return answer(request.operation, request.requestId);
  });
  const idempotency = { start: jest.fn(() => Promise.resolve({ kind: 'new', transactionId: ID })), complete: jest.fn(() => Promise.resolve()) };
  const sut = new TerminalServiceUseCase(
    rpc,
    { GATEWAY_AUTHORIZE_TIMEOUT_MS: 100, GATEWAY_LATE_REPLY_GRACE_MS: 2_000 } as GatewayEnv,
    idempotency as unknown as IdempotencyService,
  );

  beforeEach(() => jest.clearAllMocks());

  it('leaves the key of a close of day that timed out open, and completes it with the late outcome', async () => {
    const timedOut = await sut.closeDay(terminal, 'close-0001');
    expect(timedOut).toEqual({ kind: 'outcome_unknown', requestId: ID, message: 'no answer from authorization within 100 ms' });
    expect(idempotency.complete).not.toHaveBeenCalled();

    await sleep(400);
    expect(idempotency.complete).toHaveBeenCalledWith(ID, { kind: 'ok', reply: expect.objectContaining({ operation: 'close_day', nextBatchNumber: 5 }) });
  });

  it('keeps no late answer of services no key waits for (connection check, reports, copies)', async () => {
    expect((await sut.ask(terminal, { operation: 'connection_check' })).kind).toBe('outcome_unknown');
    await sleep(400);
    expect(idempotency.complete).not.toHaveBeenCalled();
  });
});
