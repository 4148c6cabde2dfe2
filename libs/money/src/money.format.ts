import { currencyByAlpha } from './currency.lookup';

/**
 * Formats for a receipt or a report: `formatMoney(1234n, 'EUR')` -> `'12.34 EUR'`,
 * `formatMoney(1234n, 'JPY')` -> `'1234 JPY'`, `formatMoney(-5n, 'KWD')` -> `'-0.005 KWD'`.
 * Pure string arithmetic on the bigint: no floating point.
 */
export function formatMoney(amountMinor: bigint, currency: string): string {
  const { minorUnits } = currencyByAlpha(currency);
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString();
  let text = digits;
  if (minorUnits > 0) {
    const padded = digits.padStart(minorUnits + 1, '0');
    text = `${padded.slice(0, -minorUnits)}.${padded.slice(-minorUnits)}`;
  }
  return `${negative ? '-' : ''}${text} ${currency}`;
}
