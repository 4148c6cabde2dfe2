import { CardDataError } from './card-data.error';

/** ISO/IEC 7812-1: a PAN has 8 to 19 digits; payment cards in practice have at least 12. */
export const PAN_MIN_LENGTH = 12;
export const PAN_MAX_LENGTH = 19;

/** Throws a CardDataError naming `field` unless `pan` is 12-19 digits. Does not check Luhn. */
export function assertPanFormat(pan: string, field = 'pan'): void {
  if (!/^[0-9]+$/.test(pan)) {
    throw new CardDataError(field, 'must contain digits 0-9 only');
  }
  if (pan.length < PAN_MIN_LENGTH || pan.length > PAN_MAX_LENGTH) {
    throw new CardDataError(field, `must have ${PAN_MIN_LENGTH}-${PAN_MAX_LENGTH} digits, has ${pan.length}`);
  }
}

/** Shortest PAN the first-6/last-4 rule can mask while still hiding at least three digits. */
export const MASKABLE_PAN_MIN_LENGTH = 13;

/**
 * PCI DSS v4.0.1 requirement 3.4.1: when displayed, a PAN shows at most the BIN (first six) and
 * the last four digits. Shorter PANs would reveal almost every digit, so they are refused.
 * `maskPan('4242424242424242')` -> `'424242******4242'`.
 */
export function maskPan(pan: string, field = 'pan'): string {
  if (!/^[0-9]+$/.test(pan)) {
    throw new CardDataError(field, 'must contain digits 0-9 only');
  }
  if (pan.length < MASKABLE_PAN_MIN_LENGTH || pan.length > PAN_MAX_LENGTH) {
    throw new CardDataError(field, `cannot be masked: needs ${MASKABLE_PAN_MIN_LENGTH}-${PAN_MAX_LENGTH} digits, has ${pan.length}`);
  }
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
