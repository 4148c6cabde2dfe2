import type { Abandonment, Transaction } from '../generated/prisma/client';
import type { OperationRepository } from './operation.repository';
import { OutcomeRecorder } from './outcome.recorder';

const ID = '5b0c9d3e-7a41-4f2b-8e6d-1c2b3a4d5e6f';
const row = {
  id: ID,
  operation: 'purchase',
  terminalId: 'DEMO0007',
  merchantId: 'DEMOSHOP0000001',
  amountMinor: 1500n,
  currency: 'EUR',
  businessDay: new Date('2026-11-30T00:00:00Z'),
  batchNumber: 1,
  originalId: null,
  maskedPan: null,
  cardToken: null,
  cardScheme: null,
} as unknown as Transaction;
const abandonment = { transactionId: ID, terminalId: 'DEMO0007', reason: 'the register did not receive the outcome within 8000 ms' } as Abandonment;

describe(OutcomeRecorder.name, () => {
  const tx = { name: 'tx' };
  let reported: Abandonment | null;
  let journalRow: Transaction;
  const operations = {
    transaction: jest.fn((work: (t: unknown) => Promise<unknown>) => work(tx)),
    lock: jest.fn(() => Promise.resolve(journalRow)),
    changeStatus: jest.fn(() => Promise.resolve(journalRow)),
    queueReversal: jest.fn(() => Promise.resolve()),
    addEvent: jest.fn(() => Promise.resolve()),
    recordOutcome: jest.fn((): Promise<Transaction | undefined> => Promise.resolve(undefined)),
  };
  const abandonments = { checkedByJournal: false, lockedAbandonmentOf: jest.fn(() => Promise.resolve(reported)) };
  const sut = new OutcomeRecorder(operations as unknown as OperationRepository, abandonments);
  const settle = jest.fn(() => Promise.resolve());
  const change = () =>
    (operations.changeStatus.mock.calls[0] as unknown as [unknown, string, string, { to: string; responseCode: string; reason: string; fields: object }])[3];
  const event = () => (operations.addEvent.mock.calls[0] as unknown as [unknown, { topic: { name: string }; value: object }])[1];

  beforeEach(() => {
    jest.clearAllMocks();
    journalRow = row;
  });

  it('approves and announces it as authorized when no register gave up', async () => {
    reported = null;

    await sut.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit', settle);

    expect(change()).toMatchObject({ to: 'approved', responseCode: '00', fields: { approvalCode: 'A1B2C3' } });
    expect(event().topic.name).toBe('payments.transaction.authorized.v1');
    expect(operations.queueReversal).not.toHaveBeenCalled();
    expect(settle).toHaveBeenCalledWith(tx, row);
  });

  it("names the acquirer the operation went to in its authorized event (settlement closes each acquirer's day)", async () => {
    reported = null;
    journalRow = { ...row, acquirerId: 'acq-cz' };

    await sut.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit', settle);

    expect(event().value).toMatchObject({ acquirerId: 'acq-cz', direction: 'debit', amountMinor: '1500' });
  });

  it('records the approval of an abandoned purchase as unknown (68) with its reversal queued, never as authorized', async () => {
    reported = abandonment;

    await sut.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit', settle);

    const reason = 'host approved (approval code A1B2C3), but the register did not receive the outcome within 8000 ms: reversal queued';
    // The approval code stays on the row: the 0400 carries it (DE 38).
    expect(change()).toMatchObject({ to: 'unknown', responseCode: '68', reason, fields: { approvalCode: 'A1B2C3' } });
    expect(operations.queueReversal).toHaveBeenCalledWith(tx, ID, reason);
    expect(event()).toMatchObject({ topic: { name: 'payments.transaction.declined.v1' }, value: { status: 'failed', responseCode: '68' } });
    // A follow-up's original keeps its reservation until the reversal is acknowledged.
    expect(settle).not.toHaveBeenCalled();
  });

  it("still approves a cancel or balance inquiry whose register gave up, and another terminal's report changes nothing", async () => {
    for (const [operation, report] of [
      ['cancel', abandonment],
      ['balance_inquiry', abandonment],
      ['purchase', { ...abandonment, terminalId: 'DEMO0001' }],
    ] as const) {
      reported = report;
      journalRow = { ...row, operation };
      operations.changeStatus.mockClear();

      await sut.approve(ID, { approvalCode: 'A1B2C3' }, 'none');

      expect(change()).toMatchObject({ to: 'approved' });
    }
  });

  describe('when the journal itself keeps the abandonments', () => {
    const oneCall = new OutcomeRecorder(operations as unknown as OperationRepository, { ...abandonments, checkedByJournal: true });

    it('records an approval in one call of the journal, under the abandonment lock, with the authorized event', async () => {
      operations.recordOutcome.mockResolvedValueOnce({ ...row, status: 'approved' });

      const recorded = await oneCall.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit');

      expect(recorded.status).toBe('approved');
      const [id, from, outcome] = operations.recordOutcome.mock.calls[0] as unknown as [
        string,
        string,
        { to: string; abandonmentLock: boolean; eventOf: (r: Transaction) => { topic: { name: string } } },
      ];
      expect([id, from, outcome.to, outcome.abandonmentLock]).toEqual([ID, 'pending', 'approved', true]);
      expect(outcome.eventOf(row).topic.name).toBe('payments.transaction.authorized.v1');
      expect(operations.transaction).not.toHaveBeenCalled();
    });

    it('decides in a transaction when the one call wrote nothing (the register gave up): unknown, reversal queued', async () => {
      reported = abandonment;

      await oneCall.approve(ID, { approvalCode: 'A1B2C3' }, 'debit');

      expect(operations.recordOutcome).toHaveBeenCalledTimes(1);
      expect(change()).toMatchObject({ to: 'unknown', responseCode: '68' });
      expect(operations.queueReversal).toHaveBeenCalledTimes(1);
    });

    it('never takes the one call when a side effect must commit with the outcome', async () => {
      reported = null;

      await oneCall.approve(ID, { approvalCode: 'A1B2C3' }, 'debit', settle);

      expect(operations.recordOutcome).not.toHaveBeenCalled();
      expect(settle).toHaveBeenCalledWith(tx, row);
    });
  });
});
