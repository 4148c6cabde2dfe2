import type { AcquirerClient } from '../acquirer/acquirer.client';
import type { CardReaderService } from '../card-operation/card-reader.service';
import type { AuthorizationEnv } from '../config/authorization-env';
import type { OperationRepository } from '../operation/operation.repository';
import type { OriginalRepository } from '../operation/original.repository';
import type { OutcomeRecorder } from '../operation/outcome.recorder';
import type { Transaction } from '../generated/prisma/client';
import type { InterruptedAttemptRecovery } from './interrupted-attempt.recovery';
import type { DueWork, ReversalRepository } from './reversal.repository';
import { ReversalWorker } from './reversal.worker';

const ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const refund = {
  id: ID,
  operation: 'refund',
  status: 'unknown',
  statusReason: 'the register did not receive the outcome within 8000 ms: the approval is reversed',
  originalId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  terminalId: 'DEMO0007',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: 2500n,
  currency: 'EUR',
  businessDay: new Date('2026-11-30T00:00:00Z'),
  batchNumber: 2,
  stan: '000077',
  rrn: '633410000077',
  approvalCode: 'R4F5G6',
  hostSentAt: new Date('2026-11-30T10:00:00Z'),
  hostMti: '0200',
  processingCode: '200000',
  panKeyId: 'kek-dev-1',
  panCiphertext: 'enc',
  maskedPan: null,
  cardToken: null,
  cardScheme: null,
} as unknown as Transaction;

describe(ReversalWorker.name, () => {
  const tx = { name: 'tx' };
  let announced: boolean;
  let due: DueWork;
  const queue = {
    dueWork: jest.fn(() => Promise.resolve(due)),
    claimDue: jest.fn(() => Promise.resolve([{ transaction: refund, attempt: 1 }])),
    acknowledge: jest.fn(async (_id: string, _code: string, _status: string, _reason: string, effects: (t: unknown, row: Transaction) => Promise<void>) => {
      await effects(tx, { ...refund, status: 'reversed' });
      return true;
    }),
    reinstateOriginal: jest.fn(() => Promise.resolve()),
    retryLater: jest.fn(() => Promise.resolve()),
  };
  const journal = { wasAuthorized: jest.fn(() => Promise.resolve(announced)), addEvent: jest.fn(() => Promise.resolve()) };
  const originals = { release: jest.fn(() => Promise.resolve()) };
  const acquirer = {
    acquirerOf: () => 'default',
    nextReferenceFor: () => Promise.resolve({ stan: '000078', rrn: '633410000078' }),
    sendTo: jest.fn(() => Promise.resolve({ mti: '0410', fields: { 39: '00' } })),
  };
  const cards = { vault: { decrypt: () => '4242424242424242' } };
  const staleBefore = new Date('2026-11-30T09:59:00Z');
  const recovery = { staleBefore: jest.fn(() => staleBefore), runOnce: jest.fn(() => Promise.resolve(0)) };
  const recordedListeners: (() => void)[] = [];
  const outcomes = { onRecorded: (listener: () => void) => recordedListeners.push(listener) };
  const sut = new ReversalWorker(
    queue as unknown as ReversalRepository,
    journal as unknown as OperationRepository,
    originals as unknown as OriginalRepository,
    recovery as unknown as InterruptedAttemptRecovery,
    acquirer as unknown as AcquirerClient,
    cards as unknown as CardReaderService,
    outcomes as unknown as OutcomeRecorder,
    { AUTHORIZATION_REVERSAL_RETRY_MS: 200 } as AuthorizationEnv,
  );
  const idle: DueWork = { stalePending: false, lapsedPreauthorizations: false, reversals: false, nextDueAt: null };

  beforeEach(() => {
    jest.clearAllMocks();
    due = { ...idle, reversals: true };
  });

  it('gives a reversed refund its amount back on the original, and takes the announced approval back out of settlement', async () => {
    announced = true;

    await sut.runOnce();

    expect(acquirer.sendTo).toHaveBeenCalledWith('default', expect.objectContaining({ mti: '0400' }));
    expect(originals.release).toHaveBeenCalledWith(tx, expect.objectContaining({ id: ID }));
    expect(queue.reinstateOriginal).toHaveBeenCalledWith(tx, expect.objectContaining({ id: ID }));
    expect(journal.addEvent).toHaveBeenCalledWith(tx, {
      topic: expect.objectContaining({ name: 'payments.transaction.reversed.v1' }),
      key: 'DEMO0007',
      value: expect.objectContaining({
        transactionId: ID,
        operation: 'refund',
        direction: 'credit',
        amountMinor: '2500',
        responseCode: '00',
        reason: refund.statusReason,
      }),
    });
  });

  it('announces nothing for a transaction never announced as authorized (the host timed out, or approved too late)', async () => {
    announced = false;

    await sut.runOnce();

    expect(originals.release).toHaveBeenCalled();
    expect(journal.addEvent).not.toHaveBeenCalled();
  });

  describe('at rest', () => {
    it('asks one question and reads nothing else when nothing is due', async () => {
      due = idle;

      await sut.runOnce();

      expect(queue.dueWork).toHaveBeenCalledTimes(1);
      expect(queue.dueWork).toHaveBeenCalledWith(staleBefore, expect.any(Date));
      expect(recovery.runOnce).not.toHaveBeenCalled();
      expect(queue.claimDue).not.toHaveBeenCalled();
      expect(acquirer.sendTo).not.toHaveBeenCalled();
    });

    it('recovers only what the question found: lapsed preauthorizations without the stale-pending read', async () => {
      due = { ...idle, lapsedPreauthorizations: true };

      await sut.runOnce();

      expect(recovery.runOnce).toHaveBeenCalledWith(expect.any(Date), due);
    });

    it('sends a reversal the recovery queued in the same pass, without waiting for the next one', async () => {
      due = { ...idle, stalePending: true };
      recovery.runOnce.mockResolvedValueOnce(1);

      await sut.runOnce();

      expect(queue.claimDue).toHaveBeenCalledTimes(1);
      expect(acquirer.sendTo).toHaveBeenCalledWith('default', expect.objectContaining({ mti: '0400' }));
    });
  });

  describe('when to look next', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
      due = idle;
    });
    afterEach(async () => {
      await sut.onApplicationShutdown();
      jest.useRealTimers();
    });

    it('sleeps until the first waiting row falls due, asking the database nothing meanwhile', async () => {
      due = { ...idle, nextDueAt: new Date('2026-11-30T10:00:16Z') };
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(1_000);
      due = idle;
      await jest.advanceTimersByTimeAsync(14_999);
      expect(queue.dueWork).toHaveBeenCalledTimes(1);

      await jest.advanceTimersByTimeAsync(1);
      expect(queue.dueWork).toHaveBeenCalledTimes(2);
    });

    it('looks within the usual gap after this process records an outcome (it may have queued a reversal)', async () => {
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(10_000);
      expect(queue.dueWork).toHaveBeenCalledTimes(1);

      due = { ...idle, reversals: true };
      for (const listener of recordedListeners) listener();
      await jest.advanceTimersByTimeAsync(200);

      expect(acquirer.sendTo).toHaveBeenCalledWith('default', expect.objectContaining({ mti: '0400' }));
    });

    it('still looks every 30 s for what another instance left, when nothing wakes it', async () => {
      sut.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(60_200);

      expect(queue.dueWork).toHaveBeenCalledTimes(3);
    });
  });
});
