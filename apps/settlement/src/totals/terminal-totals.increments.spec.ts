import { Envelope } from '@payments/messaging';

import { columnsOf, CountedFields, distinctIncrements, incrementsOf } from './terminal-totals.increments';

const envelope = (id: string, value: Partial<CountedFields> = {}): Envelope<CountedFields> => ({
  id,
  topic: 'payments.transaction.authorized.v1',
  key: 'T0000001',
  headers: {},
  timestamp: 0,
  value: { direction: 'debit', amountMinor: '1250', businessDay: '2026-12-01', terminalId: 'T0000001', currency: 'EUR', ...value },
});

describe(incrementsOf.name, () => {
  it('adds a debit and subtracts a credit, one operation each', () => {
    const increments = incrementsOf([envelope('m-1'), envelope('m-2', { direction: 'credit', amountMinor: '250' })], 'totals', 'add');

    expect(increments.map((i) => [i.messageId, i.count, i.amountMinor])).toEqual([
      ['m-1', 1, 1250n],
      ['m-2', 1, -250n],
    ]);
  });

  it('takes a reversed operation back out: count and amount negated', () => {
    const increments = incrementsOf([envelope('m-1'), envelope('m-2', { direction: 'credit', amountMinor: '250' })], 'reversals', 'takeBack');

    expect(increments.map((i) => [i.count, i.amountMinor, i.consumer])).toEqual([
      [-1, -1250n, 'reversals'],
      [-1, 250n, 'reversals'],
    ]);
  });

  it('counts an older message without a direction as a debit, and leaves out what moves no money', () => {
    const increments = incrementsOf([envelope('m-1', { direction: undefined }), envelope('m-2', { direction: 'none' })], 'totals', 'add');

    expect(increments).toEqual([
      { messageId: 'm-1', consumer: 'totals', businessDay: '2026-12-01', terminalId: 'T0000001', currency: 'EUR', count: 1, amountMinor: 1250n },
    ]);
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(incrementsOf([envelope('m-1', { amountMinor: '900719925474099312' })], 'totals', 'add')[0].amountMinor).toBe(900719925474099312n);
  });
});

describe(distinctIncrements.name, () => {
  it('keeps the first increment of a message delivered twice in one batch, per consumer', () => {
    const [first, second, other] = incrementsOf([envelope('m-1'), envelope('m-2', { amountMinor: '7' }), envelope('m-3')], 'totals', 'add');
    const again = { ...first, amountMinor: 1n };
    const sameIdOtherConsumer = { ...first, consumer: 'reversals' };

    expect(distinctIncrements([first, second, again, sameIdOtherConsumer, other])).toEqual([first, second, sameIdOtherConsumer, other]);
  });
});

describe(columnsOf.name, () => {
  it('gives one array per column of the statement, amounts as exact decimal text', () => {
    const increments = incrementsOf(
      [envelope('m-1'), envelope('m-2', { terminalId: 'T0000002', currency: 'USD', amountMinor: '900719925474099312' })],
      'totals',
      'add',
    );

    expect(columnsOf(increments)).toEqual([
      ['m-1', 'm-2'],
      ['totals', 'totals'],
      ['2026-12-01', '2026-12-01'],
      ['T0000001', 'T0000002'],
      ['EUR', 'USD'],
      [1, 1],
      ['1250', '900719925474099312'],
    ]);
  });
});
