import { currencyByAlpha } from './currency.lookup';
import { MoneyError } from './money.error';

/** An amount in integer minor units (cents, kopecks, yen) with its ISO 4217 alphabetic code. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Builds a Money after checking the currency is a known ISO 4217 code. */
export function money(amountMinor: bigint, currency: string): Money {
  currencyByAlpha(currency);
  return { amountMinor, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

/** a - b; the result may be negative (a net position), callers that need >= 0 check it. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

/** Sums same-currency amounts; an empty list sums to zero in `currency`. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce<Money>((total, item) => addMoney(total, item), money(0n, currency));
}

export function isSameMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}
