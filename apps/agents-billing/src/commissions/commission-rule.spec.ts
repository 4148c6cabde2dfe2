import { type CommissionRule, commissionOf, percentOf, planProblem } from './commission-rule';

const rule = (overrides: Partial<CommissionRule> = {}): CommissionRule => ({
  level: 'agent',
  percentBasisPoints: 0n,
  fixed: 0n,
  tiers: [],
  min: null,
  max: null,
  ...overrides,
});

describe('commission arithmetic', () => {
  it.each([
    // 1.5 % of 10.00 = 0.15
    [1_000n, 150n, 15n],
    // 1.5 % of 0.33 = 0.495 -> 0 (below the half)
    [33n, 150n, 0n],
    // 2.5 % of 0.20 = 0.50 exactly half -> 1 (half up)
    [20n, 250n, 1n],
    // 0.01 % of 49.99 = 0.4999 -> 0; of 50.00 = 0.5 -> 1
    [4_999n, 1n, 0n],
    [5_000n, 1n, 1n],
    // 100 % is the amount itself
    [987_654_321n, 10_000n, 987_654_321n],
    // past 2^53: exact in bigint (1 % of 9,007,199,254,740,993)
    [9_007_199_254_740_993n, 100n, 90_071_992_547_410n],
  ])('percent of %p at %p basis points is %p, rounded half up', (amount, bps, expected) => {
    expect(percentOf(amount, bps)).toBe(expected);
  });

  it('adds the fixed part to the percent', () => {
    expect(commissionOf(rule({ percentBasisPoints: 100n, fixed: 25n }), 10_000n)).toBe(125n);
    expect(commissionOf(rule({ fixed: 30n }), 1n)).toBe(30n);
  });

  it('uses the tier of the amount (the last one starting at or below it), else the rule itself', () => {
    const tiered = rule({
      percentBasisPoints: 300n,
      tiers: [
        { fromAmount: 10_000n, percentBasisPoints: 200n, fixed: 0n },
        { fromAmount: 100_000n, percentBasisPoints: 100n, fixed: 50n },
      ],
    });
    expect(commissionOf(tiered, 9_999n)).toBe(300n); // 3 % of 99.99 = 2.9997 -> 3.00
    expect(commissionOf(tiered, 10_000n)).toBe(200n); // 2 % from 100.00
    expect(commissionOf(tiered, 99_999n)).toBe(2_000n); // 2 % of 999.99 = 19.9998 -> 20.00
    expect(commissionOf(tiered, 100_000n)).toBe(1_050n); // 1 % + 0.50 from 1,000.00
  });

  it('raises to min and lowers to max after the percent and the fixed part', () => {
    const clamped = rule({ percentBasisPoints: 100n, min: 10n, max: 500n });
    expect(commissionOf(clamped, 100n)).toBe(10n);
    expect(commissionOf(clamped, 20_000n)).toBe(200n);
    expect(commissionOf(clamped, 1_000_000n)).toBe(500n);
  });

  it('names what makes a plan unsound', () => {
    expect(planProblem([rule(), rule({ level: 'dealer' })])).toBeUndefined();
    expect(planProblem([rule(), rule()])).toBe('levels.1.level: agent is given twice');
    expect(planProblem([rule({ min: 10n, max: 9n })])).toBe('levels.0.max: 9 is below min 10');
    expect(
      planProblem([
        rule({
          tiers: [
            { fromAmount: 5n, percentBasisPoints: 1n, fixed: 0n },
            { fromAmount: 5n, percentBasisPoints: 2n, fixed: 0n },
          ],
        }),
      ]),
    ).toBe('levels.0.tiers.1.fromAmount: tiers must ascend by fromAmount (5 after 5)');
  });
});
