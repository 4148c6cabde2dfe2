import { AuthorizeReply, OperationOutcomeStatus, operationOutcomeRpc } from '@payments/contracts';
import { InProcessRpc } from '@payments/rpc';

import type { AbandonOperationUseCase } from '../abandonment/abandon-operation.usecase';
import type { GatewayEnv } from '../config/gateway-env';
import type { IdempotencyRepository } from '../idempotency/idempotency.repository';
import type { Terminal } from '../terminals/terminal';
import { InProgressTakeover } from './in-progress-takeover';

const ID = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const terminal: Terminal = { clientId: 'c1', name: 'Register 3', terminalId: 'DEMO0003', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };
const inProgress = { kind: 'in_progress' as const, idempotencyKey: 'key-0003', transactionId: ID };
const reply = (status: AuthorizeReply['status'], operation: AuthorizeReply['operation'] = 'purchase'): AuthorizeReply => ({
  transactionId: ID,
  operation,
  status,
  responseCode: status === 'approved' ? '00' : '51',
  responseText: status,
  terminalId: 'DEMO0003',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: '2500',
  currency: 'EUR',
  processedAt: '2026-12-07T10:00:01.000Z',
});

describe(InProgressTakeover.name, () => {
  // Authorization, in process: each test says where the journal stands.
  let journal: OperationOutcomeStatus | Error = { transactionId: ID, state: 'not_journaled' };
  const asked: string[] = [];
  const rpc = new InProcessRpc();
  rpc.serve(operationOutcomeRpc, ({ transactionId }) => {
    asked.push(transactionId);
    return journal instanceof Error ? Promise.reject(journal) : Promise.resolve(journal);
  });
  const records = { takeOver: jest.fn(() => Promise.resolve(true)), complete: jest.fn(() => Promise.resolve()) };
  const beingReversed = { kind: 'outcome_unknown', transactionId: ID, message: 'being reversed' };
  const abandon = { execute: jest.fn(() => Promise.resolve(beingReversed)) };
  const sut = new InProgressTakeover(
    rpc,
    { GATEWAY_AUTHORIZE_TIMEOUT_MS: 8_000, GATEWAY_IN_PROGRESS_LEASE_MARGIN_MS: 2_000 } as GatewayEnv,
    records as unknown as IdempotencyRepository,
    abandon as unknown as AbandonOperationUseCase,
  );

  beforeEach(() => {
    jest.clearAllMocks();
    asked.length = 0;
  });

  it('answers 409 in progress while the lease runs (or another gateway took it over), without asking authorization', async () => {
    records.takeOver.mockResolvedValueOnce(false);

    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'answered', outcome: inProgress });
    expect(records.takeOver).toHaveBeenCalledWith(ID, 10_000);
    expect(asked).toEqual([]);
  });

  it('sends the transaction now when authorization never received it', async () => {
    journal = { transactionId: ID, state: 'not_journaled' };

    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'run' });
    expect(asked).toEqual([ID]);
    expect(records.complete).not.toHaveBeenCalled();
  });

  it("answers 409 in progress while authorization's attempt is still pending", async () => {
    journal = { transactionId: ID, state: 'pending' };

    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'answered', outcome: inProgress });
    expect(records.complete).not.toHaveBeenCalled();
    expect(abandon.execute).not.toHaveBeenCalled();
  });

  it('answers 409 in progress when authorization cannot be asked; the record waits for the next retry', async () => {
    journal = new Error('journal unavailable');

    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'answered', outcome: inProgress });
    expect(records.complete).not.toHaveBeenCalled();
  });

  it.each([
    ['a decline', reply('declined')],
    ['a rejection', reply('rejected')],
    ['a prompt for the cashier', reply('prompt')],
    ['an approval that stands (a balance inquiry)', reply('approved', 'balance_inquiry')],
  ])('completes the record with %s and answers it, as the first gateway would have', async (_case, outcome) => {
    journal = { transactionId: ID, state: 'final', outcome };

    const expected = { kind: outcome.status, reply: outcome };
    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'answered', outcome: expected });
    expect(records.complete).toHaveBeenCalledWith(ID, expected);
    expect(abandon.execute).not.toHaveBeenCalled();
  });

  it('abandons an approval that moves money (it is reversed): the register that never got it is told to start again', async () => {
    journal = { transactionId: ID, state: 'final', outcome: reply('approved') };

    expect(await sut.resolve(terminal, inProgress)).toEqual({ kind: 'answered', outcome: beingReversed });
    expect(abandon.execute).toHaveBeenCalledWith(terminal, {
      transactionId: ID,
      operation: 'purchase',
      reason: 'the gateway that took this request stopped before the register received the outcome',
    });
    expect(records.complete).not.toHaveBeenCalled();
  });
});
