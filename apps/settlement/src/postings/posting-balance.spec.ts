import { assertBalanced, UnbalancedPostingsError } from './posting-balance';

describe(assertBalanced.name, () => {
  const day = (currency: string, debitMinor: bigint, creditMinor: bigint) => ({ businessDay: '2026-12-01', currency, debitMinor, creditMinor });

  it('passes days whose debits equal their credits in each currency', () => {
    expect(() => assertBalanced([day('EUR', 5001n, 5001n), day('CZK', 900719925474099312n, 900719925474099312n)])).not.toThrow();
  });

  it('refuses a day whose debits and credits differ by a single minor unit, naming the day, the currency and both sums', () => {
    expect(() => assertBalanced([day('EUR', 5001n, 5001n), day('CZK', 100n, 99n)])).toThrow(new UnbalancedPostingsError([day('CZK', 100n, 99n)]));
    expect(() => assertBalanced([day('CZK', 100n, 99n)])).toThrow('postings do not balance: 2026-12-01 CZK debits 100 != credits 99 (minor units)');
  });
});
