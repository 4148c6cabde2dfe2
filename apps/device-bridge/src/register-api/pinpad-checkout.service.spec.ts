import { formatAmount } from './pinpad-checkout.service';

describe(formatAmount.name, () => {
  it.each([
    [1500, 'EUR', '15.00 EUR'],
    [5, 'EUR', '0.05 EUR'],
    [1500, 'JPY', '1500 JPY'],
    [1500, 'KWD', '1.500 KWD'],
  ])('shows %i minor units of %s as %s on the PIN pad', (amount, currency, shown) => {
    expect(formatAmount(amount, currency)).toBe(shown);
  });
});
