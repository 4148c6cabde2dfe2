// Luhn-valid public test PANs (shared/reference/payments-standards.md §4.1-4.2): 13 to 19 digits,
// Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, girocard. Never real cards.
export const PUBLIC_TEST_PANS: readonly string[] = [
  '4012345678909',
  '36227206271667',
  '378282246310005',
  '4242424242424242',
  '5555555555554444',
  '2223003122003222',
  '6011111111111117',
  '3566002020360505',
  '6200000000000005',
  '6205500000000000004',
  '6805330010086784747',
];

/** PCI DSS 3.4.1 masked form: first 6 and last 4 digits kept. */
export function maskedPan(pan: string): string {
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
