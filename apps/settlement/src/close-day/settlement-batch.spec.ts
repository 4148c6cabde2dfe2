import { BatchTotal, currencyTotalsOf, dayClosedEventOf } from './settlement-batch';

const total = (change: Partial<BatchTotal>): BatchTotal => ({
  merchantId: 'SHOP1',
  terminalId: 'T1',
  scheme: 'visa',
  currency: 'EUR',
  lineCount: 1,
  debitMinor: 0n,
  creditMinor: 0n,
  netMinor: 0n,
  ...change,
});

describe(currencyTotalsOf.name, () => {
  it('sums the merchants, terminals and schemes of each currency, never across currencies', () => {
    const totals = [
      total({ lineCount: 3, debitMinor: 5000n, creditMinor: 1200n, netMinor: 3800n }),
      total({ terminalId: 'T2', scheme: 'mastercard', lineCount: 1, creditMinor: 700n, netMinor: -700n }),
      total({ currency: 'CZK', lineCount: 2, debitMinor: 900719925474099312n, netMinor: 900719925474099312n }),
    ];

    expect(currencyTotalsOf(totals)).toEqual([
      { currency: 'CZK', lineCount: 2, debitMinor: 900719925474099312n, creditMinor: 0n, netMinor: 900719925474099312n },
      { currency: 'EUR', lineCount: 4, debitMinor: 5000n, creditMinor: 1900n, netMinor: 3100n },
    ]);
  });

  it('gives nothing for a batch without lines', () => {
    expect(currencyTotalsOf([])).toEqual([]);
  });
});

describe(dayClosedEventOf.name, () => {
  it('states the batch with exact decimal amounts, a negative net included', () => {
    const event = dayClosedEventOf({
      id: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
      acquirerId: 'acq-cz',
      businessDay: '2026-12-01',
      closedAt: new Date('2026-12-01T22:05:00Z'),
      lineCount: 2,
      lateLineCount: 1,
      totals: [total({ lineCount: 2, debitMinor: 100n, creditMinor: 250n, netMinor: -150n })],
    });

    expect(event).toEqual({
      batchId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
      acquirerId: 'acq-cz',
      businessDay: '2026-12-01',
      closedAt: '2026-12-01T22:05:00.000Z',
      lineCount: 2,
      lateLineCount: 1,
      totals: [{ currency: 'EUR', lineCount: 2, debitMinor: '100', creditMinor: '250', netMinor: '-150' }],
    });
  });
});
