import { checkExpectedAccount } from './expected-account.check';

describe(checkExpectedAccount.name, () => {
  const sut = checkExpectedAccount;
  const statement = { id: 'S1', account: 'CH2909000000250094239', currency: 'CHF' };

  it('accepts the expected account, written with spaces and in lower case', () => {
    expect(sut(statement, { account: 'ch29 0900 0000 2500 9423 9', currency: 'CHF' })).toEqual([]);
  });

  it('reports another account and another currency, each by name', () => {
    expect(sut(statement, { account: 'CH9300762011623852957', currency: 'EUR' })).toEqual([
      { code: 'unexpected-account', severity: 'error', message: 'statement S1 is for account CH2909000000250094239, expected CH9300762011623852957' },
      { code: 'unexpected-currency', severity: 'error', message: 'statement S1 is in CHF, expected EUR' },
    ]);
  });
});
