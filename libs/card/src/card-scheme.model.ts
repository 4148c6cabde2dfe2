/** Card schemes the platform routes on. `fleet` and `gift` are closed-loop cards identified only by configured BIN ranges. */
export const CARD_SCHEMES = ['visa', 'mastercard', 'amex', 'diners', 'discover', 'jcb', 'unionpay', 'mir', 'maestro', 'fleet', 'gift'] as const;

export type CardScheme = (typeof CARD_SCHEMES)[number];

/** What detection returns when no range matches. */
export type DetectedScheme = CardScheme | 'unknown';

export function isCardScheme(value: string): value is CardScheme {
  return (CARD_SCHEMES as readonly string[]).includes(value);
}
