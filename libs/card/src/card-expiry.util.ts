import { CardDataError } from './card-data.error';

export interface CardExpiry {
  /** Four-digit year, e.g. 2030. */
  readonly year: number;
  /** 1-12. */
  readonly month: number;
}

/**
 * Parses the card's YYMM expiry (track 2, ISO 8583 DE 14). Two-digit years map to 2000-2099,
 * which is what every card network in use today assumes.
 */
export function parseExpiryYymm(yymm: string, field = 'expiry'): CardExpiry {
  if (!/^[0-9]{4}$/.test(yymm)) {
    throw new CardDataError(field, 'must be four digits YYMM');
  }
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) {
    throw new CardDataError(field, `month must be 01-12, is ${yymm.slice(2)}`);
  }
  return { year: 2000 + Number(yymm.slice(0, 2)), month };
}

export function formatExpiryYymm(expiry: CardExpiry): string {
  return `${String(expiry.year % 100).padStart(2, '0')}${String(expiry.month).padStart(2, '0')}`;
}

/**
 * A card is valid through the last day of its expiry month (ISO/IEC 7813), so it is expired only
 * from the first day of the following month. Compared in UTC.
 */
export function isCardExpired(expiry: CardExpiry | string, at: Date): boolean {
  const { year, month } = typeof expiry === 'string' ? parseExpiryYymm(expiry) : expiry;
  const atYear = at.getUTCFullYear();
  const atMonth = at.getUTCMonth() + 1;
  return atYear > year || (atYear === year && atMonth > month);
}
