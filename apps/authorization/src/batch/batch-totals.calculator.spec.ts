import { batchTotalsOf, TotalsRow } from './batch-totals.calculator';

const row = (operation: string, amount: number, extra: Partial<TotalsRow> = {}): TotalsRow => ({
  operation,
  status: 'approved',
  amountMinor: BigInt(amount),
  currency: 'EUR',
  ...extra,
});

describe('batchTotalsOf', () => {
  it('adds debits, credits and cancels of debits per currency', () => {
    const totals = batchTotalsOf([
      row('purchase', 1000),
      row('purchase', 500, { status: 'cancelled' }),
      row('cancel', 500, { originalOperation: 'purchase' }),
      row('cash_withdrawal', 2000),
      row('refund', 300),
      row('top_up', 700),
      row('completion', 400),
      row('purchase', 9999, { status: 'declined' }),
      row('purchase', 8888, { status: 'reversed' }),
      row('preauthorization', 5000),
      row('balance_inquiry', 0),
      row('purchase', 100, { currency: 'USD' }),
    ]);

    expect(totals).toEqual([
      {
        currency: 'EUR',
        debitCount: 4,
        debitAmountMinor: '3900',
        creditCount: 2,
        creditAmountMinor: '1000',
        debitReversalCount: 1,
        debitReversalAmountMinor: '500',
      },
      { currency: 'USD', debitCount: 1, debitAmountMinor: '100', creditCount: 0, creditAmountMinor: '0', debitReversalCount: 0, debitReversalAmountMinor: '0' },
    ]);
  });

  it('takes a cancelled refund out of the credits', () => {
    const totals = batchTotalsOf([row('refund', 300, { status: 'cancelled' }), row('cancel', 300, { originalOperation: 'refund' })]);

    expect(totals[0]).toMatchObject({ creditCount: 0, creditAmountMinor: '0', debitReversalCount: 0 });
  });

  it('is empty for a batch without operations', () => {
    expect(batchTotalsOf([])).toEqual([]);
  });
});
