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
export function fieldsInBitmap(bitmap: Buffer): number[] {
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

/** Reads one 8-byte bitmap at `offset`, written as 16 ASCII hex characters or 8 raw bytes. */
export function readBitmap(buf: Buffer, offset: number, encoding: 'hex' | 'binary'): Buffer {
  const size = encoding === 'hex' ? 2 * BITMAP_BYTES : BITMAP_BYTES;
  if (offset + size > buf.length) {
    throw new Iso8583FormatError(1, offset, `truncated: bitmap needs ${size} bytes, ${buf.length - offset} remain`);
  }
  if (encoding === 'binary') return buf.subarray(offset, offset + size);
  for (let i = offset; i < offset + size; i++) {
    const c = buf[i];
    const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
    if (!hex) throw new Iso8583FormatError(1, i, 'bitmap is not hexadecimal');
  }
  return Buffer.from(buf.toString('latin1', offset, offset + size), 'hex');
}

export function writeBitmap(bitmap: Buffer, encoding: 'hex' | 'binary'): Buffer {
  return encoding === 'binary' ? bitmap : Buffer.from(bitmap.toString('hex').toUpperCase(), 'latin1');
}
