import { businessDayOf, paymentLimitRefusal } from './payment-limits';

describe('payment limits', () => {
  const limits = { creditLimit: 0n, paymentLimit: 5_000n, dailyLimit: 12_000n };

  it('lets a payment through up to the per-payment and the daily limit, inclusive', () => {
    expect(paymentLimitRefusal(limits, 5_000n, 7_000n)).toBeUndefined();
    expect(paymentLimitRefusal({ creditLimit: 0n, paymentLimit: null, dailyLimit: null }, 10n ** 15n, 10n ** 15n)).toBeUndefined();
  });

  it('names the per-payment limit and its amount', () => {
    expect(paymentLimitRefusal(limits, 5_001n, 0n)).toEqual({ limit: 'payment', available: 5_000n });
  });

  it("names the daily limit and what is left of the day's, never below zero", () => {
    expect(paymentLimitRefusal(limits, 4_000n, 9_000n)).toEqual({ limit: 'daily', available: 3_000n });
    expect(paymentLimitRefusal({ ...limits, dailyLimit: 100n }, 1n, 500n)).toEqual({ limit: 'daily', available: 0n });
  });

  it('counts days in UTC', () => {
    expect(businessDayOf(new Date('2026-12-07T23:59:59.999Z'))).toBe('2026-12-07');
    expect(businessDayOf(new Date('2026-12-07T23:30:00-01:00'))).toBe('2026-12-08');
  });
});
