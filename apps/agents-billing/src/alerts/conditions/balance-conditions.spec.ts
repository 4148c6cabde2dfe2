import type { AlertThresholds } from '../rules/alert-rule';
import { limitNearlyUsedOf, lowBalanceOf } from './balance-conditions';
import type { NodeFigures } from './node-figures';

const node = (over: Partial<NodeFigures>): NodeFigures => ({
  nodeId: 'n-1',
  name: 'Kiosk 1',
  level: 'agent',
  currency: 'EUR',
  path: ['d-1', 'n-1'],
  available: 10_000n,
  creditLimit: 0n,
  creditUsed: 0n,
  dailyLimit: null,
  dailyUsed: 0n,
  ...over,
});
const thresholds = (over: Partial<AlertThresholds>): AlertThresholds => ({ belowAvailable: null, creditUsedPercent: null, dailyUsedPercent: null, ...over });

describe(lowBalanceOf.name, () => {
  const rule = thresholds({ belowAvailable: 5_000n });

  it('is raised below the threshold only (at the threshold the balance is not low)', () => {
    expect(lowBalanceOf(node({ available: 5_000n }), rule)).toBeUndefined();
    expect(lowBalanceOf(node({ available: 4_999n }), rule)).toEqual({
      kind: 'low-balance',
      subjectId: 'n-1',
      nodeId: 'n-1',
      summary: 'agent "Kiosk 1" (n-1) has 4999 EUR minor units available, below 5000',
      facts: { currency: 'EUR', available: '4999', belowAvailable: '5000' },
    });
  });

  it('is never raised by a rule without a low-balance threshold', () => {
    expect(lowBalanceOf(node({ available: 0n }), thresholds({}))).toBeUndefined();
  });
});

describe(limitNearlyUsedOf.name, () => {
  it('is raised when the drawn credit reaches the percent of the credit limit (integer arithmetic, no rounding)', () => {
    const rule = thresholds({ creditUsedPercent: 90 });
    expect(limitNearlyUsedOf(node({ creditLimit: 1_000n, creditUsed: 899n }), rule)).toBeUndefined();
    expect(limitNearlyUsedOf(node({ creditLimit: 1_000n, creditUsed: 900n }), rule)?.facts).toEqual({
      currency: 'EUR',
      limit: 'credit',
      used: '900',
      limitAmount: '1000',
      percent: 90,
    });
    // Past 2^53: 90% of 2^62 is 4150517416584649113.6, so …113 is short of it and …114 reaches it.
    expect(limitNearlyUsedOf(node({ creditLimit: 2n ** 62n, creditUsed: 4_150_517_416_584_649_113n }), rule)).toBeUndefined();
    expect(limitNearlyUsedOf(node({ creditLimit: 2n ** 62n, creditUsed: 4_150_517_416_584_649_114n }), rule)?.facts?.limit).toBe('credit');
  });

  it("is raised on the day's payments against the daily limit; no limit (or a 0 limit) is never nearly used", () => {
    const rule = thresholds({ creditUsedPercent: 90, dailyUsedPercent: 50 });
    expect(limitNearlyUsedOf(node({ dailyLimit: 10_000n, dailyUsed: 5_000n }), rule)?.summary).toBe(
      'agent "Kiosk 1" (n-1) has used 5000 of its daily limit 10000 EUR minor units (alert at 50%)',
    );
    expect(limitNearlyUsedOf(node({ dailyLimit: null, dailyUsed: 9_000n, creditLimit: 0n, creditUsed: 9_000n }), rule)).toBeUndefined();
    expect(limitNearlyUsedOf(node({ dailyLimit: 10_000n, dailyUsed: 9_000n }), thresholds({ creditUsedPercent: 90 }))).toBeUndefined();
  });

  it('names the limit more used when both are past their percent', () => {
    const rule = thresholds({ creditUsedPercent: 50, dailyUsedPercent: 50 });
    expect(limitNearlyUsedOf(node({ creditLimit: 1_000n, creditUsed: 950n, dailyLimit: 10_000n, dailyUsed: 6_000n }), rule)?.facts?.limit).toBe('credit');
    expect(limitNearlyUsedOf(node({ creditLimit: 1_000n, creditUsed: 600n, dailyLimit: 10_000n, dailyUsed: 9_900n }), rule)?.facts?.limit).toBe('daily');
  });
});
