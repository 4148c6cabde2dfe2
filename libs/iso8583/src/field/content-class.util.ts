import type { ContentClass } from '../spec/iso8583-spec.types';

type CharTest = (code: number) => boolean;

const isDigit: CharTest = (c) => c >= 0x30 && c <= 0x39;
const isAlpha: CharTest = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHex: CharTest = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// Space is allowed in a/an because hosts space-fill short fixed a/an fields (e.g. DE 38 on a decline).
const SPACE = 0x20;

/** Per content class, which characters a value may hold (ISO 8583-1:1987 §4.2 character sets). */
const CHAR_TESTS: Readonly<Record<ContentClass, CharTest>> = {
  n: isDigit,
  a: (c) => isAlpha(c) || c === SPACE,
  an: (c) => isAlpha(c) || isDigit(c) || c === SPACE,
  // Printable ASCII only; national character sets need a spec with another encoding.
  ans: (c) => c >= 0x20 && c <= 0x7e,
  b: isHex,
  // Track 2 code set: digits and the field separator '=' (BCD nibble D on binary wires).
  z: (c) => isDigit(c) || c === 0x3d,
  xn: isDigit,
};

const SIGN_C = 0x43;
const SIGN_D = 0x44;

/**
 * Index of the first character of `value` that the content class does not allow, or -1.
 * xn (amount with sign): the first character is C, D or a digit (jPOS writes a '0' sign when
 * none is given), the rest are digits.
 */
export function firstInvalidChar(contentClass: ContentClass, value: string): number {
  const test = CHAR_TESTS[contentClass];
  let start = 0;
  if (contentClass === 'xn' && value.length > 0) {
    const sign = value.charCodeAt(0);
    if (sign !== SIGN_C && sign !== SIGN_D && !isDigit(sign)) return 0;
    start = 1;
  }
  for (let i = start; i < value.length; i++) {
    if (!test(value.charCodeAt(i))) return i;
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
