import { availableBalanceBlock, balanceFromAdditionalAmounts } from './additional-amounts.util';

describe('balanceFromAdditionalAmounts', () => {
  it('reads the available balance among several blocks', () => {
    expect(balanceFromAdditionalAmounts('0001978C0000000050000002978C000000012345')).toBe(12345n);
  });

  it('reads a debit balance as negative', () => {
    expect(balanceFromAdditionalAmounts(availableBalanceBlock('840', -700n))).toBe(-700n);
  });

  it.each([undefined, '', '0002978C00000000', '0002978X000000012345'])('returns nothing for %p', (field) => {
    expect(balanceFromAdditionalAmounts(field)).toBeUndefined();
  });
});
