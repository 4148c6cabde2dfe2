import type { AbandonmentRepository } from '../abandonment/abandonment.repository';
import type { Abandonment, Transaction } from '../generated/prisma/client';
import type { JournalRepository, OutboxEvent } from './journal.repository';
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
  const journal = {
    transaction: jest.fn((work: (t: unknown) => Promise<unknown>) => work(tx)),
    lockById: jest.fn(() => Promise.resolve(journalRow)),
    finalizeIn: jest.fn(() => Promise.resolve(journalRow)),
  };
  const abandonments = { lockedAbandonmentOf: jest.fn(() => Promise.resolve(reported)) };
  const sut = new OutcomeRecorder(journal as unknown as JournalRepository, abandonments as unknown as AbandonmentRepository);
  const settle = jest.fn(() => Promise.resolve());
  const call = () =>
    journal.finalizeIn.mock.calls[0] as unknown as [
      unknown,
      string,
      { status: string; responseCode: string; reason: string; approvalCode?: string },
      (r: Transaction) => OutboxEvent<unknown> | undefined,
      { reason: string } | undefined,
      unknown,
    ];

  beforeEach(() => {
    jest.clearAllMocks();
    journalRow = row;
  });

  it('approves and announces it as authorized when no register gave up', async () => {
    reported = null;

    await sut.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit', settle);

    const [, , outcome, eventOf, reversal, effects] = call();
    expect(outcome).toMatchObject({ status: 'approved', responseCode: '00', approvalCode: 'A1B2C3' });
    expect(eventOf(row)?.topic.name).toBe('payments.transaction.authorized.v1');
    expect(reversal).toBeUndefined();
    expect(effects).toBe(settle);
  });

  it('records the approval of an abandoned purchase as unknown (68) with its reversal queued, never as authorized', async () => {
    reported = abandonment;

    await sut.approve(ID, { stan: '000042', rrn: '633410000042', approvalCode: 'A1B2C3' }, 'debit', settle);

    const [, , outcome, eventOf, reversal, effects] = call();
    const reason = 'host approved (approval code A1B2C3), but the register did not receive the outcome within 8000 ms: reversal queued';
    // The approval code stays on the row: the 0400 carries it (DE 38).
    expect(outcome).toMatchObject({ status: 'unknown', responseCode: '68', approvalCode: 'A1B2C3', reason });
    expect(reversal).toEqual({ reason });
    expect(eventOf(row)).toMatchObject({ topic: { name: 'payments.transaction.declined.v1' }, value: { status: 'failed', responseCode: '68' } });
    // A follow-up's original keeps its reservation until the reversal is acknowledged.
    expect(effects).toBeUndefined();
  });

  it("still approves a cancel or balance inquiry whose register gave up, and another terminal's report changes nothing", async () => {
    for (const [operation, report] of [
      ['cancel', abandonment],
      ['balance_inquiry', abandonment],
      ['purchase', { ...abandonment, terminalId: 'DEMO0001' }],
    ] as const) {
      reported = report;
      journalRow = { ...row, operation };
      journal.finalizeIn.mockClear();

      await sut.approve(ID, { approvalCode: 'A1B2C3' }, 'none');

      expect(call()[2]).toMatchObject({ status: 'approved' });
    }
  });
});
