import { MerchantFundingFigures, merchantFundingStatusOf, plusDays, transferReceiptOf } from './funding-status';

/** Lines of 2026-12-01, due two days later. */
const DUE = '2026-12-03';
/** Three lines of 12.50, the acquirer's fee 0.29 each, all paid in full. */
const allPaid: MerchantFundingFigures = {
  lineCount: 3,
  unpaidLineCount: 0,
  shortLineCount: 0,
  paidNetMinor: 3n * (1250n - 29n),
  expectedPaidNetMinor: 3n * (1250n - 29n),
};
const at = (iso: string) => new Date(iso);

describe(merchantFundingStatusOf.name, () => {
  it('is paid when every line was paid in full, whenever asked', () => {
    expect(merchantFundingStatusOf(allPaid, DUE, at('2026-12-30T00:00:00Z'))).toBe('paid');
  });

  it('is pending while a line is unpaid up to the due date, late from the next day', () => {
    const oneUnpaid = { ...allPaid, unpaidLineCount: 1, paidNetMinor: 2n * 1221n, expectedPaidNetMinor: 2n * 1221n };
    expect(merchantFundingStatusOf(oneUnpaid, DUE, at('2026-12-03T23:59:59Z'))).toBe('pending');
    expect(merchantFundingStatusOf(oneUnpaid, DUE, at('2026-12-04T00:00:00Z'))).toBe('late');
  });

  it('is short when a line was paid short, or the paid lines came net below what was expected (a fee above the rate)', () => {
    expect(merchantFundingStatusOf({ ...allPaid, shortLineCount: 1, paidNetMinor: allPaid.paidNetMinor - 100n }, DUE, at('2026-12-02T00:00:00Z'))).toBe(
      'short',
    );
    expect(merchantFundingStatusOf({ ...allPaid, paidNetMinor: allPaid.paidNetMinor - 1n }, DUE, at('2026-12-02T00:00:00Z'))).toBe('short');
    // Paid more net than expected (a lower fee) is still paid.
    expect(merchantFundingStatusOf({ ...allPaid, paidNetMinor: allPaid.paidNetMinor + 5n }, DUE, at('2026-12-02T00:00:00Z'))).toBe('paid');
  });

  it('is late rather than short once an unpaid line is overdue, short rather than pending before', () => {
    const shortAndUnpaid = { ...allPaid, unpaidLineCount: 1, shortLineCount: 1, paidNetMinor: 2000n, expectedPaidNetMinor: 2442n };
    expect(merchantFundingStatusOf(shortAndUnpaid, DUE, at('2026-12-02T12:00:00Z'))).toBe('short');
    expect(merchantFundingStatusOf(shortAndUnpaid, DUE, at('2026-12-04T12:00:00Z'))).toBe('late');
  });
});

describe(transferReceiptOf.name, () => {
  const transfer = { amountMinor: 3130n, valueDate: '2026-12-03' };

  it('is received for exactly the amount in its currency, received with a difference otherwise', () => {
    expect(transferReceiptOf(transfer, { count: 1, amountMinor: 3130n, otherCurrency: false }, at('2026-12-03T09:00:00Z'))).toBe('received');
    expect(transferReceiptOf(transfer, { count: 1, amountMinor: 3100n, otherCurrency: false }, at('2026-12-03T09:00:00Z'))).toBe('received_with_difference');
    expect(transferReceiptOf(transfer, { count: 2, amountMinor: 3130n, otherCurrency: true }, at('2026-12-03T09:00:00Z'))).toBe('received_with_difference');
  });

  it('is awaited without a credit up to the day after its value date, not received from the second day', () => {
    const none = { count: 0, amountMinor: 0n, otherCurrency: false };
    expect(transferReceiptOf(transfer, none, at('2026-12-04T23:59:59Z'))).toBe('awaited');
    expect(transferReceiptOf(transfer, none, at('2026-12-05T00:00:00Z'))).toBe('not_received');
  });
});

describe(plusDays.name, () => {
  it('crosses months and leap days', () => {
    expect([plusDays('2026-12-31', 1), plusDays('2028-02-28', 1), plusDays('2026-03-01', -1)]).toEqual(['2027-01-01', '2028-02-29', '2026-02-28']);
  });
});
