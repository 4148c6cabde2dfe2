import { trialBalanceOf } from './trial-balance';

const names: Record<string, string> = { '1011': 'Visa receivable', '2010': 'Merchant payable' };
const nameOf = (account: string) => names[account];

describe(trialBalanceOf.name, () => {
  it('closes each account at opening + debits - credits and checks each currency', () => {
    const balance = trialBalanceOf(
      [
        { account: '1011', currency: 'EUR', openingMinor: 1000n, debitMinor: 7300n, creditMinor: 2299n },
        { account: '2010', currency: 'EUR', openingMinor: -1000n, debitMinor: 2299n, creditMinor: 7300n },
        { account: '1011', currency: 'CZK', openingMinor: 0n, debitMinor: 5n, creditMinor: 0n },
        { account: '2010', currency: 'CZK', openingMinor: 0n, debitMinor: 0n, creditMinor: 5n },
      ],
      nameOf,
    );

    expect(balance.accounts.map((a) => [a.account, a.name, a.currency, a.closingMinor])).toEqual([
      ['1011', 'Visa receivable', 'EUR', 6001n],
      ['2010', 'Merchant payable', 'EUR', -6001n],
      ['1011', 'Visa receivable', 'CZK', 5n],
      ['2010', 'Merchant payable', 'CZK', -5n],
    ]);
    expect(balance.checks).toEqual([
      { currency: 'CZK', openingMinor: 0n, debitMinor: 5n, creditMinor: 5n, closingMinor: 0n, balanced: true },
      { currency: 'EUR', openingMinor: 0n, debitMinor: 9599n, creditMinor: 9599n, closingMinor: 0n, balanced: true },
    ]);
  });

  it('flags a currency whose debits and credits differ, and names no account the chart no longer lists', () => {
    const balance = trialBalanceOf([{ account: '9999', currency: 'EUR', openingMinor: 0n, debitMinor: 1n, creditMinor: 0n }], nameOf);

    expect(balance.accounts).toMatchObject([{ account: '9999', name: null, closingMinor: 1n }]);
    expect(balance.checks).toMatchObject([{ currency: 'EUR', debitMinor: 1n, creditMinor: 0n, balanced: false }]);
  });
});
