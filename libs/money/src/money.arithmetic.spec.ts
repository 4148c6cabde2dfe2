import { addMoney, isSameMoney, money, subtractMoney, sumMoney } from './money.arithmetic';
import { formatMoney } from './money.format';

describe('money arithmetic', () => {
  it('adds and subtracts same-currency amounts exactly', () => {
    expect(addMoney(money(1999n, 'EUR'), money(1n, 'EUR'))).toEqual({ amountMinor: 2000n, currency: 'EUR' });
    expect(subtractMoney(money(100n, 'USD'), money(250n, 'USD'))).toEqual({ amountMinor: -150n, currency: 'USD' });
    expect(sumMoney([money(1n, 'KZT'), money(2n, 'KZT'), money(3n, 'KZT')], 'KZT').amountMinor).toBe(6n);
    expect(sumMoney([], 'GBP')).toEqual({ amountMinor: 0n, currency: 'GBP' });
  });

  it('keeps precision beyond the float range', () => {
    const big = money(9_007_199_254_740_993n, 'EUR');
    expect(addMoney(big, money(1n, 'EUR')).amountMinor).toBe(9_007_199_254_740_994n);
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(1n, 'EUR'), money(1n, 'USD'))).toThrow('currency: cannot combine EUR with USD');
    expect(() => subtractMoney(money(1n, 'RUB'), money(1n, 'BYN'))).toThrow('cannot combine RUB with BYN');
  });

  it('refuses unknown currencies', () => {
    expect(() => money(1n, 'ABC')).toThrow('unknown ISO 4217 alphabetic code "ABC"');
  });

  it('compares by amount and currency', () => {
    expect(isSameMoney(money(5n, 'EUR'), money(5n, 'EUR'))).toBe(true);
    expect(isSameMoney(money(5n, 'EUR'), money(5n, 'USD'))).toBe(false);
  });
});

describe(formatMoney.name, () => {
  it.each([
    [1234n, 'EUR', '12.34 EUR'],
    [5n, 'EUR', '0.05 EUR'],
    [0n, 'USD', '0.00 USD'],
    [-1234n, 'GBP', '-12.34 GBP'],
    [1234n, 'JPY', '1234 JPY'],
    [1234n, 'KWD', '1.234 KWD'],
    [-5n, 'BHD', '-0.005 BHD'],
    [123456789012n, 'RUB', '1234567890.12 RUB'],
  ])('formats %p %s as %p', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
});
