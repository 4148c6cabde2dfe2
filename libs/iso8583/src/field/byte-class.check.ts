import type { ContentClass } from '../spec/iso8583-spec.types';
import { CHAR_TABLES, type CharTable } from './char-class.table';

/**
 * Checks that every byte of a range of a Buffer belongs to a content class, four bytes at a time
 * where it can ("SIMD within a register" on 32-bit words of the Buffer's memory): digits (n, z)
 * and printable ASCII (ans) are most of a message, and a word test costs about what one byte
 * costs through a table. A word that fails the digit test (the '=' of a track 2, a refused byte)
 * is looked at byte by byte through the class's table, so the answer is exactly the table's.
 * Other classes (a, an, upper hex) go byte by byte through their table.
 */
export const enum WordTest {
  Digits = 0,
  Printable = 1,
  None = 2,
}

export interface ByteCheck {
  readonly table: CharTable;
  readonly words: WordTest;
}

/** Uppercase hex only: lowercase hex leaves the fast path to be uppercased. */
const UPPER_HEX: CharTable = (() => {
  const t = new Uint8Array(256);
  for (const c of '0123456789ABCDEF') t[c.charCodeAt(0)] = 1;
  return t;
})();

/** The check of a text value of the class (x+n: the digits after its sign, checked apart). */
export function byteCheckOf(contentClass: ContentClass): ByteCheck {
  switch (contentClass) {
    case 'n':
    case 'xn':
    case 'z':
      return { table: CHAR_TABLES[contentClass], words: WordTest.Digits };
    case 'ans':
      return { table: CHAR_TABLES.ans, words: WordTest.Printable };
    case 'b':
      return { table: UPPER_HEX, words: WordTest.None };
    case 'a':
    case 'an':
      return { table: CHAR_TABLES[contentClass], words: WordTest.None };
  }
}

/**
 * Byte and 32-bit word views of one ArrayBuffer, kept while messages come from the same memory
 * (Node's Buffer pool, one socket read): making views costs more than checking a message.
 */
export class BufferViews {
  private buffer: ArrayBufferLike | null = null;
  bytes: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  words: Int32Array<ArrayBufferLike> = new Int32Array(0);

  /** Points the views at `buf`'s memory; returns the offset of `buf` in it. */
  of(buf: Uint8Array): number {
    if (buf.buffer !== this.buffer) {
      this.buffer = buf.buffer;
      this.bytes = new Uint8Array(buf.buffer);
      this.words = new Int32Array(buf.buffer, 0, buf.buffer.byteLength >> 2);
    }
    return buf.byteOffset;
  }
}

/** Every byte of bytes[start..end) is allowed by the check. */
export function checkBytes(check: ByteCheck, views: BufferViews, start: number, end: number): boolean {
  const bytes = views.bytes;
  const table = check.table;
  let i = start;
  if (check.words !== WordTest.None && end - start >= 8) {
    for (; (i & 3) !== 0; i++) if (table[bytes[i]] === 0) return false;
    const wordsEnd = end & ~3;
    if (!wordsFit(check, views, i, wordsEnd)) return false;
    i = wordsEnd;
  }
  for (; i < end; i++) if (table[bytes[i]] === 0) return false;
  return true;
}

/**
 * The aligned words of bytes[start..end). Digits: each byte has high nibble 3, and still has it
 * plus 6 (a low nibble under 10); a word that fails is looked at byte by byte, as the table may
 * allow more (z: '='). Printable: no byte has its top bit set, nor gets it by adding 1 (0x7f), nor
 * by subtracting 0x20 (under 0x20; exact for "is there one" over bytes under 0x80); its table
 * allows exactly that, so a failing word is a refused byte.
 */
function wordsFit(check: ByteCheck, views: BufferViews, start: number, end: number): boolean {
  const words = views.words;
  if (check.words === WordTest.Printable) {
    let bad = 0;
    for (let w = start >> 2; w < end >> 2; w++) {
      const x = words[w];
      bad |= x | (x + 0x01010101) | ((x - 0x20202020) & ~x);
    }
    return (bad & 0x80808080) === 0;
  }
  const bytes = views.bytes;
  const table = check.table;
  for (let w = start >> 2; w < end >> 2; w++) {
    const x = words[w];
    const bad = ((x & 0xf0f0f0f0) ^ 0x30303030) | (((x + 0x06060606) & 0xf0f0f0f0) ^ 0x30303030);
    if (bad !== 0 && (table[bytes[4 * w]] & table[bytes[4 * w + 1]] & table[bytes[4 * w + 2]] & table[bytes[4 * w + 3]]) === 0) return false;
  }
  return true;
}
