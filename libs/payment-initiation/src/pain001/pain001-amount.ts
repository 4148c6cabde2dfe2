import { currencyByAlpha, formatMoney } from '@payments/money';

/** Minor units as the decimal ISO 20022 amounts take, with the currency's exponent: 1234n EUR -> `12.34`, 1234n JPY -> `1234`. */
export function decimalAmountOf(amountMinor: bigint, currency: string): string {
  // formatMoney writes `<decimal> <currency>` with the ISO 4217 exponent: the decimal is what the message wants.
  return formatMoney(amountMinor, currency).slice(0, -(currency.length + 1));
}

/**
 * A control sum (CtrlSum): the amounts added as decimals, whatever their currencies, as ISO 20022
 * defines it. Added in the finest exponent among them, in bigint, never in floating point.
 */
export function controlSumOf(amounts: readonly { readonly amountMinor: bigint; readonly currency: string }[]): string {
  const exponent = Math.max(0, ...amounts.map((a) => currencyByAlpha(a.currency).minorUnits));
  const total = amounts.reduce((sum, a) => sum + a.amountMinor * 10n ** BigInt(exponent - currencyByAlpha(a.currency).minorUnits), 0n);
  const digits = total.toString().padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
