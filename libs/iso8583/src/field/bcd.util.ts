import { BCD_PAIR, BYTE_CHAR } from './char-class.table';

/**
 * Packed BCD: two digits per byte, high nibble first. Odd digit counts get one pad nibble ('0')
 * on the side the field definition says (jPOS pads fixed numerics left, LLNUM PAN/track 2 right).
 * Track 2's '=' separator is nibble D (ISO/IEC 7813 on binary wires). Bytes travel as Latin-1
 * text here, one character per byte (see field.encoder.ts).
 */
const SEPARATOR = 0x3d;
const SEPARATOR_NIBBLE = 0xd;
const DIGITS = '0123456789';

export function bcdByteLength(digits: number): number {
  return (digits + 1) >> 1;
}

/** Packs value[from..], whose characters are already checked, into Latin-1 text. */
export function packBcd(value: string, from: number, padLeft: boolean): string {
  let i = from;
  let out = '';
  if (((value.length - from) & 1) === 1 && padLeft) out = BYTE_CHAR[nibble(value, i++)];
  for (; i + 1 < value.length; i += 2) out += BYTE_CHAR[(nibble(value, i) << 4) | nibble(value, i + 1)];
  if (i < value.length) out += BYTE_CHAR[nibble(value, i) << 4];
  return out;
}

function nibble(value: string, i: number): number {
  const c = value.charCodeAt(i);
  return c === SEPARATOR ? SEPARATOR_NIBBLE : c - 0x30;
}

/** Unpacks `digits` digits from the bytes at `offset`; null when a nibble is not a valid digit. */
export function unpackBcd(buf: Buffer, offset: number, digits: number, padLeft: boolean, allowSeparator: boolean): string | null {
  let k = (digits & 1) === 1 && padLeft ? 1 : 0;
  const endK = k + digits;
  let out = '';
  if ((k & 1) === 1) {
    const c = nibbleChar(buf[offset] & 0x0f, allowSeparator);
    if (c === null) return null;
    out = c;
    k++;
  }
  for (; k + 1 < endK; k += 2) {
    const byte = buf[offset + (k >> 1)];
    const pair = BCD_PAIR[byte];
    if (pair !== null) out += pair;
    else {
      const hi = nibbleChar(byte >> 4, allowSeparator);
      const lo = nibbleChar(byte & 0x0f, allowSeparator);
      if (hi === null || lo === null) return null;
      out += hi + lo;
    }
  }
  if (k < endK) {
    const c = nibbleChar(buf[offset + (k >> 1)] >> 4, allowSeparator);
    if (c === null) return null;
    out += c;
  }
  return out;
}

function nibbleChar(nibble: number, allowSeparator: boolean): string | null {
  if (nibble <= 9) return DIGITS[nibble];
  return allowSeparator && nibble === SEPARATOR_NIBBLE ? '=' : null;
}
