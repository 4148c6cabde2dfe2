import { HEX_VALUE } from '../field/char-class.table';
import { Iso8583FormatError } from '../iso8583-format.error';

/**
 * ISO 8583 bitmaps: bit n (1-based, most significant bit first) set <=> field n present. Bit 1 of
 * the primary bitmap announces the secondary bitmap (fields 65-128).
 */
export const BITMAP_BYTES = 8;

/** Builds the primary (and, when any field > 64 is present, secondary) bitmap. */
export function buildBitmap(fieldNumbers: readonly number[]): Buffer {
  const secondary = fieldNumbers.some((n) => n > 64);
  const bitmap = Buffer.alloc(secondary ? 2 * BITMAP_BYTES : BITMAP_BYTES);
  if (secondary) bitmap[0] |= 0x80;
  for (const n of fieldNumbers) bitmap[(n - 1) >> 3] |= 0x80 >> ((n - 1) & 7);
  return bitmap;
}

/** Field numbers set in the bitmap, ascending, excluding bit 1 (the secondary-bitmap flag). */
export function fieldsInBitmap(bitmap: Uint8Array): number[] {
  const fields: number[] = [];
  for (let byte = 0; byte < bitmap.length; byte++) {
    const bits = bitmap[byte];
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if (bits & (0x80 >> bit)) fields.push(byte * 8 + bit + 1);
    }
  }
  return fields[0] === 1 ? fields.slice(1) : fields;
}

/**
 * Reads one 8-byte bitmap at `offset`, written as 16 ASCII hex characters or 8 raw bytes, into
 * `into` at `at`; returns the offset after it.
 */
export function readBitmap(buf: Buffer, offset: number, encoding: 'hex' | 'binary', into: Uint8Array, at: number): number {
  const size = encoding === 'hex' ? 2 * BITMAP_BYTES : BITMAP_BYTES;
  if (offset + size > buf.length) {
    throw new Iso8583FormatError(1, offset, `truncated: bitmap needs ${size} bytes, ${buf.length - offset} remain`);
  }
  for (let i = 0; i < BITMAP_BYTES; i++) {
    if (encoding === 'binary') {
      into[at + i] = buf[offset + i];
      continue;
    }
    const hi = HEX_VALUE[buf[offset + 2 * i]];
    const lo = HEX_VALUE[buf[offset + 2 * i + 1]];
    if (hi < 0) throw new Iso8583FormatError(1, offset + 2 * i, 'bitmap is not hexadecimal');
    if (lo < 0) throw new Iso8583FormatError(1, offset + 2 * i + 1, 'bitmap is not hexadecimal');
    into[at + i] = (hi << 4) | lo;
  }
  return offset + size;
}
