import type { PrefixEncoding } from '../spec/iso8583-spec.types';

/**
 * LL/LLL length prefixes as Latin-1 text (one character per wire byte), one per possible length,
 * built once: encoding a prefix is then an array lookup. ASCII: one digit per byte; BCD: packed,
 * LLL as 0L LL; binary: the length as a big-endian integer of 1 (LL) or 2 (LLL) bytes.
 */
const tables = new Map<string, readonly string[]>();

export function prefixTexts(encoding: PrefixEncoding, digits: 2 | 3): readonly string[] {
  const key = `${encoding}${digits}`;
  let texts = tables.get(key);
  if (!texts) {
    texts = Array.from({ length: digits === 2 ? 100 : 1000 }, (_, units) => prefixText(encoding, digits, units));
    tables.set(key, texts);
  }
  return texts;
}

function prefixText(encoding: PrefixEncoding, digits: 2 | 3, units: number): string {
  const decimal = units.toString().padStart(digits, '0');
  switch (encoding) {
    case 'ascii':
      return decimal;
    case 'bcd':
      return Buffer.from(decimal.padStart(digits === 2 ? 2 : 4, '0'), 'hex').toString('latin1');
    case 'binary':
      return digits === 2 ? String.fromCharCode(units) : String.fromCharCode(units >> 8, units & 0xff);
  }
}
