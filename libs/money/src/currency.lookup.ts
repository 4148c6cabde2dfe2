import { CURRENCY_TABLE } from './currency.table';
import { MoneyError } from './money.error';

export interface Currency {
  /** ISO 4217 alphabetic code, e.g. `EUR`. */
  readonly alpha: string;
  /** ISO 4217 numeric code as three digits, e.g. `978` (ISO 8583 DE 49). */
  readonly numeric: string;
  /** Number of digits after the decimal point (exponent): 2 for EUR, 0 for JPY, 3 for KWD. */
  readonly minorUnits: number;
}

const BY_ALPHA = new Map<string, Currency>();
const BY_NUMERIC = new Map<string, Currency>();
for (const [alpha, numeric, minorUnits] of CURRENCY_TABLE) {
  const currency: Currency = Object.freeze({ alpha, numeric, minorUnits });
  BY_ALPHA.set(alpha, currency);
  BY_NUMERIC.set(numeric, currency);
}

/** All known currencies, ordered as in the table. */
export function listCurrencies(): Currency[] {
  return [...BY_ALPHA.values()];
}

/** Looks up by alphabetic code (exact, upper case). Returns undefined when unknown. */
export function findCurrencyByAlpha(alpha: string): Currency | undefined {
  return BY_ALPHA.get(alpha);
}

/** Looks up by the three-digit numeric code. Returns undefined when unknown. */
export function findCurrencyByNumeric(numeric: string): Currency | undefined {
  return BY_NUMERIC.get(numeric);
}

/** Like findCurrencyByAlpha but throws a MoneyError naming `field` when the code is unknown. */
export function currencyByAlpha(alpha: string, field = 'currency'): Currency {
  const found = BY_ALPHA.get(alpha);
  if (!found) {
    throw new MoneyError(field, `unknown ISO 4217 alphabetic code "${alpha}"`);
  }
  return found;
}

/** Like findCurrencyByNumeric but throws a MoneyError naming `field` when the code is unknown. */
export function currencyByNumeric(numeric: string, field = 'currency'): Currency {
  const found = BY_NUMERIC.get(numeric);
  if (!found) {
    throw new MoneyError(field, `unknown ISO 4217 numeric code "${numeric}"`);
  }
  return found;
}
