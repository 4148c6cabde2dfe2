import { CURRENCY_TABLE } from './currency.table';
import { currencyByAlpha, currencyByNumeric, findCurrencyByAlpha, findCurrencyByNumeric, listCurrencies } from './currency.lookup';
import { MoneyError } from './money.error';

describe('currency lookup', () => {
  it.each([
    ['EUR', '978', 2],
    ['USD', '840', 2],
    ['RUB', '643', 2],
    ['KZT', '398', 2],
    ['AMD', '051', 2],
    ['JPY', '392', 0],
    ['KWD', '414', 3],
    ['BHD', '048', 3],
  ])('finds %s as %s with %i minor units, both ways', (alpha, numeric, minorUnits) => {
    expect(currencyByAlpha(alpha)).toEqual({ alpha, numeric, minorUnits });
    expect(currencyByNumeric(numeric).alpha).toBe(alpha);
  });

  it('covers the currencies a European/CIS/US processor meets', () => {
    const required = 'EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN RUB UAH KZT BYN UZS AZN GEL AMD TRY JPY KWD BHD CNY INR AED KGS'.split(' ');
    expect(required.filter((alpha) => !findCurrencyByAlpha(alpha))).toEqual([]);
  });

  it('has no duplicate codes and only well-formed rows', () => {
    const alphas = CURRENCY_TABLE.map(([alpha]) => alpha);
    const numerics = CURRENCY_TABLE.map(([, numeric]) => numeric);
    expect(new Set(alphas).size).toBe(alphas.length);
    expect(new Set(numerics).size).toBe(numerics.length);
    for (const [alpha, numeric, minorUnits] of CURRENCY_TABLE) {
      expect(alpha).toMatch(/^[A-Z]{3}$/);
      expect(numeric).toMatch(/^[0-9]{3}$/);
      expect([0, 2, 3]).toContain(minorUnits);
    }
    expect(listCurrencies()).toHaveLength(CURRENCY_TABLE.length);
  });

  it('returns undefined from the find variants and throws a named error from the strict ones', () => {
    expect(findCurrencyByAlpha('XXX')).toBeUndefined();
    expect(findCurrencyByNumeric('999')).toBeUndefined();
    expect(() => currencyByAlpha('eur')).toThrow(new MoneyError('currency', 'unknown ISO 4217 alphabetic code "eur"'));
    expect(() => currencyByNumeric('191', 'DE 49')).toThrow('DE 49: unknown ISO 4217 numeric code "191"');
  });
});
