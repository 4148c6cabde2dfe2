import type { Iso8583Spec } from './iso8583-spec.types';
import { ISO93_ASCII_SPEC } from './iso93ascii.fields';

/**
 * ISO 8583:1993 binary wire format, as jPOS's ISO93BPackager (generic packager iso93binary): the
 * iso93ascii field table with BCD MTI, numerics and length prefixes, raw 8-byte bitmaps and raw b
 * fields; a/an/ans stay ASCII, the C/D sign of DE 97 stays one ASCII byte.
 * jPOS quirks kept on purpose, so jPOS peers interoperate byte for byte:
 * - Every numeric is built with pad=false: an odd digit count gets its pad nibble on the RIGHT,
 *   fixed fields included (DE 19 "858" is 85 80, not 08 58).
 * - DE 35 track 2 travels as characters with '=' (IFB_LLCHAR), not as BCD with nibble D.
 * DE 56 is n..35 here (ISO, jPOS IFB_LLNUM): BCD cannot carry the letters iso93ascii lets through.
 */
export const ISO93_BINARY_SPEC: Iso8583Spec = {
  name: 'iso93binary',
  description: 'ISO 8583:1993 binary/BCD (jPOS ISO93BPackager / iso93binary)',
  mtiEncoding: 'bcd',
  bitmapEncoding: 'binary',
  prefixEncoding: 'bcd',
  nibblePad: 'right',
  encodings: { n: 'bcd', a: 'ascii', an: 'ascii', ans: 'ascii', b: 'binary', z: 'ascii', xn: 'bcd' },
  fields: { ...ISO93_ASCII_SPEC.fields, 56: { ...ISO93_ASCII_SPEC.fields[56], contentClass: 'n' } },
};
