/** What a redacted value is replaced with, in logs and in span attributes. */
export const REDACTED = '[REDACTED]';

// Field names that hold sensitive authentication data or a clear/encrypted PAN (PCI DSS 3.3, 3.4).
// Compared lower-cased with '_', '-' and spaces removed, so `card_number` and `cardNumber` match.
const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'pan',
  'primaryaccountnumber',
  'cardnumber',
  'track',
  'track1',
  'track2',
  'trackdata',
  'pinblock',
  'pin',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'cid',
  'expdate',
  'carddata',
  'sensitivecarddata',
  'ciphertext',
  'encryptedpan',
]);

/**
 * Spellings used for pino's own `redact` paths (it matches keys case-sensitively), at the top level
 * and one level down. Deeper objects are handled by the log formatter with {@link isSensitiveKey}.
 */
export const SENSITIVE_KEY_SPELLINGS: readonly string[] = [
  'pan',
  'cardNumber',
  'card_number',
  'track',
  'track2',
  'pinBlock',
  'pin_block',
  'pin',
  'cvv',
  'cvv2',
  'cvc',
  'expiry',
  'expiryDate',
  'cardData',
  'ciphertext',
];

/**
 * True for a key whose value must never be written out, whatever the value looks like. For dotted
 * keys (span attributes such as `card.pan`) the last segment decides.
 */
export function isSensitiveKey(key: string): boolean {
  const lastSegment = key.slice(key.lastIndexOf('.') + 1);
  const normalized = lastSegment.toLowerCase().replace(/[-_\s]/g, '');
  return SENSITIVE_KEYS.has(normalized) || normalized.startsWith('expiry');
}
