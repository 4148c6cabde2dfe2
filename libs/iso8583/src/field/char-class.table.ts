import type { ContentClass } from '../spec/iso8583-spec.types';

/**
 * Per content class, which characters a value may hold (ISO 8583-1:1987 §4.2 character sets), in
 * two forms: a pattern for the hot path (V8 runs it as native code over the whole value, several
 * times faster than a JavaScript loop per character) and a 256-entry table (1: allowed) for the
 * slow paths that must name the first bad character or apply a leniency rule to it.
 */
export type CharTable = Uint8Array;

function table(allowed: (c: number) => boolean): CharTable {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = allowed(c) ? 1 : 0;
  return t;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// Space is allowed in a/an because hosts space-fill short fixed a/an fields (e.g. DE 38 on a decline).
const SPACE = 0x20;

export const CHAR_TABLES: Readonly<Record<ContentClass, CharTable>> = {
  n: table(isDigit),
  a: table((c) => isAlpha(c) || c === SPACE),
  an: table((c) => isAlpha(c) || isDigit(c) || c === SPACE),
  // Printable ASCII only; national characters need a lenient dialect (rule latin1) or another encoding.
  ans: table((c) => c >= 0x20 && c <= 0x7e),
  b: table(isHex),
  // Track 2 code set: digits and the field separator '=' (BCD nibble D on binary wires).
  z: table((c) => isDigit(c) || c === 0x3d),
  // x+n: the digits after the sign; the sign itself is checked apart (see XN_SIGN).
  xn: table(isDigit),
};

/** The same sets as whole-value patterns; x+n is an optional C/D/digit sign, then digits. */
export const CHAR_PATTERNS: Readonly<Record<ContentClass, RegExp>> = {
  n: /^[0-9]*$/,
  a: /^[A-Za-z ]*$/,
  an: /^[A-Za-z0-9 ]*$/,
  ans: /^[\x20-\x7e]*$/,
  b: /^[0-9A-Fa-f]*$/,
  z: /^[0-9=]*$/,
  xn: /^(?:[CD0-9][0-9]*)?$/,
};

/** First character of an x+n amount: C(redit), D(ebit) or a digit (jPOS writes '0' when none is given). */
export const XN_SIGN = table((c) => c === 0x43 || c === 0x44 || isDigit(c));

/** Hex digit value per char code, -1 for anything else. */
export const HEX_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let d = 0; d < 10; d++) t[0x30 + d] = d;
  for (let d = 0; d < 6; d++) t[0x41 + d] = t[0x61 + d] = 10 + d;
  return t;
})();

/** Per byte value: the one Latin-1 character that stands for it, its uppercase hex pair, and its two BCD digits (null when a nibble is over 9). */
export const BYTE_CHAR: readonly string[] = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b));
export const HEX_PAIR: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));
export const BCD_PAIR: readonly (string | null)[] = Array.from({ length: 256 }, (_, b) => (b >> 4 <= 9 && (b & 15) <= 9 ? HEX_PAIR[b] : null));

/** Index of the first character of `value` the class refuses, or -1 (the slow path behind a failed pattern). */
export function firstInvalidChar(contentClass: ContentClass, value: string): number {
  const chars = CHAR_TABLES[contentClass];
  let i = 0;
  if (contentClass === 'xn' && value.length > 0) {
    if (!XN_SIGN[value.charCodeAt(0)]) return 0;
    i = 1;
  }
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff || chars[c] === 0) return i;
  }
  return -1;
}

export function describeContentClass(contentClass: ContentClass): string {
  switch (contentClass) {
    case 'n':
      return 'numeric (n)';
    case 'a':
      return 'alphabetic (a)';
    case 'an':
      return 'alphanumeric (an)';
    case 'ans':
      return 'printable (ans)';
    case 'b':
      return 'hexadecimal binary (b)';
    case 'z':
      return 'track 2 code set (z)';
    case 'xn':
      return 'signed amount (x+n)';
  }
}
