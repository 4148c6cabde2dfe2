import type { FieldDefinition, Iso8583Spec } from './iso8583-spec.types';
import { ISO87_ASCII_SPEC } from './iso87ascii.fields';

// jPOS IFB_LLNUM(..., pad=false): an odd digit count gets its pad nibble on the right.
const RIGHT_PADDED_LLNUM = [2, 32, 33, 35, 99, 100];

const fields: Record<number, FieldDefinition> = { ...ISO87_ASCII_SPEC.fields };
for (const n of RIGHT_PADDED_LLNUM) fields[n] = { ...fields[n], nibblePad: 'right' };

/**
 * ISO 8583:1987 binary wire format, as jPOS's ISO87BPackager: the same field table as iso87ascii,
 * with BCD MTI, numerics and length prefixes, raw 8-byte bitmaps and raw b fields; a/an/ans stay
 * ASCII, the C/D sign of x+n amounts stays one ASCII byte. Odd fixed numerics pad left with 0.
 */
export const ISO87_BINARY_SPEC: Iso8583Spec = {
  name: 'iso87binary',
  description: 'ISO 8583:1987 binary/BCD (jPOS ISO87BPackager / iso87binary)',
  mtiEncoding: 'bcd',
  bitmapEncoding: 'binary',
  prefixEncoding: 'bcd',
  encodings: { n: 'bcd', a: 'ascii', an: 'ascii', ans: 'ascii', b: 'binary', z: 'bcd', xn: 'bcd' },
  fields,
};
