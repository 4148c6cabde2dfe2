import { Envelope } from '@payments/messaging';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { CutOff } from '../business-day/cut-off';
import { distinctLines, LineFields, linesOf } from './settlement-line';

const PURCHASE = '6f1c2b3a-0000-4000-8000-000000000001';
const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'), { 'acq-cz': new CutOff('Europe/Prague', '23:00') });

const envelope = (value: Partial<LineFields> = {}): Envelope<LineFields> => ({
  id: 'm-1',
  topic: 'payments.transaction.authorized.v1',
  key: 'T0000001',
  headers: {},
  timestamp: 0,
  value: {
    transactionId: PURCHASE,
    operation: 'purchase',
    direction: 'debit',
    acquirerId: 'acq-cz',
    merchantId: 'SHOP00000000001',
    terminalId: 'T0000001',
    cardScheme: 'visa',
    amountMinor: '1250',
    currency: 'EUR',
    rrn: '633512000042',
    maskedPan: '476173******0119',
    approvalCode: 'A1B2C3',
    occurredAt: '2026-12-01T21:30:00.000Z',
    ...value,
  },
});

describe(linesOf.name, () => {
  it("keeps an approval's direction and puts it on its acquirer's business day", () => {
    const [line] = linesOf([envelope()], 'authorized', calendar);

    expect(line).toEqual({
      transactionId: PURCHASE,
      event: 'authorized',
      acquirerId: 'acq-cz',
      merchantId: 'SHOP00000000001',
      terminalId: 'T0000001',
      scheme: 'visa',
      operation: 'purchase',
      direction: 'debit',
      amountMinor: 1250n,
      currency: 'EUR',
      feeMinor: null,
      originalTransactionId: null,
      rrn: '633512000042',
      maskedPan: '476173******0119',
      approvalCode: 'A1B2C3',
      occurredAt: '2026-12-01T21:30:00.000Z',
      eventBusinessDay: '2026-12-01',
    });
    // 23:10 in Prague is past its 23:00 cut-off.
    expect(linesOf([envelope({ occurredAt: '2026-12-01T22:10:00.000Z' })], 'authorized', calendar)[0].eventBusinessDay).toBe('2026-12-02');
  });

  it('turns a reversal the other way: a reversed purchase is a credit, a reversed refund a debit', () => {
    const lines = linesOf([envelope(), envelope({ operation: 'refund', direction: 'credit' })], 'reversed', calendar);

    expect(lines.map((l) => [l.event, l.operation, l.direction])).toEqual([
      ['reversed', 'purchase', 'credit'],
      ['reversed', 'refund', 'debit'],
    ]);
  });

  it('keeps a cancel as the credit authorization announced, with its original', () => {
    const cancel = envelope({ transactionId: 'c2', operation: 'cancel', direction: 'credit', originalTransactionId: PURCHASE });

    expect(linesOf([cancel], 'authorized', calendar)[0]).toMatchObject({ direction: 'credit', originalTransactionId: PURCHASE });
  });

  it('gives an event without an acquirer to the default one (its cut-off: midnight UTC), and an older one without a direction is a debit', () => {
    const [line] = linesOf([envelope({ acquirerId: undefined, direction: undefined, occurredAt: '2026-12-01T22:10:00.000Z' })], 'authorized', calendar);

    expect(line).toMatchObject({ acquirerId: 'default', direction: 'debit', eventBusinessDay: '2026-12-01' });
  });

  it('makes no line of what moves no money, approved or reversed', () => {
    const preauthorization = envelope({ operation: 'preauthorization', direction: 'none' });

    expect(linesOf([preauthorization], 'authorized', calendar)).toEqual([]);
    expect(linesOf([preauthorization], 'reversed', calendar)).toEqual([]);
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(linesOf([envelope({ amountMinor: '999999999999' })], 'authorized', calendar)[0].amountMinor).toBe(999_999_999_999n);
  });
});

describe(distinctLines.name, () => {
  it('keeps one line per transaction and event: the approval and the reversal of one purchase are two', () => {
    const [approval] = linesOf([envelope()], 'authorized', calendar);
    const [reversal] = linesOf([envelope()], 'reversed', calendar);

    expect(distinctLines([approval, { ...approval, amountMinor: 1n }, reversal])).toEqual([approval, reversal]);
  });
});
