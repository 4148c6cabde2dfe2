import type { AbandonCommand } from '@payments/contracts';
import type { Envelope } from '@payments/messaging';

import type { Transaction } from '../generated/prisma/client';
import type { OperationRepository } from '../operation/operation.repository';
import type { OutcomeRecorder } from '../operation/outcome.recorder';
import { AbandonTransactionUseCase } from './abandon-transaction.usecase';
import type { AbandonmentRepository } from './abandonment.repository';

const ID = '0d7f4a52-3c1e-4b8a-9f36-2a5b7c8d9e01';
const command: AbandonCommand = {
  transactionId: ID,
  terminalId: 'DEMO0007',
  reason: 'the register did not receive the outcome within 8000 ms',
  abandonedAt: '2026-11-30T10:00:08.000Z',
};
const message = (id = 'msg-1'): Envelope<AbandonCommand> => ({
  id,
  topic: 'authorization.abandon.v1',
  key: 'DEMO0007',
  value: command,
  headers: {},
  timestamp: 0,
});
const row = (change: Partial<Transaction>): Transaction =>
  ({ id: ID, operation: 'purchase', status: 'approved', terminalId: 'DEMO0007', returnedMinor: 0n, completedMinor: 0n, ...change }) as Transaction;

describe(AbandonTransactionUseCase.name, () => {
  const tx = { name: 'tx' };
  let journalRow: Transaction | null;
  let seen: Set<string>;
  const operations = {
    transaction: jest.fn((work: (t: unknown) => Promise<unknown>) => work(tx)),
    lock: jest.fn(() => Promise.resolve(journalRow)),
  };
  const journal = { finalizeIn: jest.fn(() => Promise.resolve(journalRow)) };
  const abandonments = {
    firstDelivery: jest.fn((_tx: unknown, id: string) => Promise.resolve(!seen.has(id) && Boolean(seen.add(id)))),
    lockTransaction: jest.fn(() => Promise.resolve()),
    record: jest.fn(() => Promise.resolve()),
  };
  const sut = new AbandonTransactionUseCase(
    operations as unknown as OperationRepository,
    journal as unknown as OutcomeRecorder,
    abandonments as unknown as AbandonmentRepository,
  );

  beforeEach(() => {
    jest.clearAllMocks();
    seen = new Set();
  });

  it('makes an approved purchase unknown, with the reason and its reversal queued, in the same transaction as the report', async () => {
    journalRow = row({});

    expect(await sut.execute(message())).toEqual({ kind: 'reverse' });

    expect(abandonments.record).toHaveBeenCalledWith(tx, command);
    const reason = 'the register did not receive the outcome within 8000 ms: the approval is reversed';
    expect(journal.finalizeIn).toHaveBeenCalledWith(
      tx,
      ID,
      { status: 'unknown', responseCode: '68', reason },
      expect.any(Function),
      { reason },
      undefined,
      'approved',
    );
  });

  it('has no second effect when the message is delivered again', async () => {
    journalRow = row({});
    await sut.execute(message('msg-1'));

    expect(await sut.execute(message('msg-1'))).toBeUndefined();

    expect(journal.finalizeIn).toHaveBeenCalledTimes(1);
    expect(abandonments.record).toHaveBeenCalledTimes(1);
  });

  it('keeps the report of a pending or not yet journaled transaction, so its approval is reversed when it comes', async () => {
    for (const pending of [row({ status: 'pending' }), null]) {
      journalRow = pending;
      await sut.execute(message(`msg-${String(pending?.status)}`));
    }

    expect(abandonments.record).toHaveBeenCalledTimes(2);
    expect(journal.finalizeIn).not.toHaveBeenCalled();
  });

  it('never reverses a cancel, and leaves a declined purchase alone', async () => {
    journalRow = row({ operation: 'cancel' });
    expect(await sut.execute(message('msg-cancel'))).toMatchObject({ kind: 'stands' });
    journalRow = row({ status: 'declined' });
    expect(await sut.execute(message('msg-declined'))).toMatchObject({ kind: 'stands' });

    expect(journal.finalizeIn).not.toHaveBeenCalled();
  });

  it("neither keeps nor acts on a report naming another terminal's transaction", async () => {
    journalRow = row({ terminalId: 'DEMO0001' });

    expect(await sut.execute(message())).toMatchObject({ kind: 'ignore' });

    expect(abandonments.record).not.toHaveBeenCalled();
    expect(journal.finalizeIn).not.toHaveBeenCalled();
  });
});
