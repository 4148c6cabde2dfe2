import { Iso8583FormatError } from '../iso8583-format.error';
import { ICC_DATA_FIELD, isConstructedTag, MAX_TAG_BYTES, startsMultiByteTag, type TlvDataObject } from './ber-tlv.model';

const HEX = /^[0-9A-Fa-f]*$/;

/**
 * Parses BER-TLV ICC data (DE 55) given as hex into its data objects, in order, constructed tags
 * with their children. Malformed data throws Iso8583FormatError naming the field and the byte
 * offset inside the field value; error texts name tags, never values (they carry cryptograms).
 */
export function decodeBerTlv(hex: string, field: number = ICC_DATA_FIELD): TlvDataObject[] {
  if (typeof hex !== 'string') throw new Iso8583FormatError(field, 0, 'TLV data is not a string');
  if (!HEX.test(hex)) {
    const bad = hex.search(/[^0-9A-Fa-f]/);
    throw new Iso8583FormatError(field, bad >> 1, 'TLV data is not hexadecimal');
  }
  if (hex.length % 2 !== 0) throw new Iso8583FormatError(field, hex.length >> 1, 'TLV data has an odd number of hex characters');
  const buf = Buffer.from(hex, 'hex');
  return decodeObjects(buf, 0, buf.length, field);
}

function decodeObjects(buf: Buffer, start: number, end: number, field: number): TlvDataObject[] {
  const objects: TlvDataObject[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 2) {
      throw new Iso8583FormatError(field, at, `${end - at} trailing byte after the last data object (a data object needs a tag and a length)`);
    }
    const { tag, next } = readTag(buf, at, end, field);
    const { length, next: valueStart } = readLength(buf, next, end, field, tag);
    if (valueStart + length > end) {
      throw new Iso8583FormatError(field, valueStart, `truncated: value of tag ${tag} needs ${length} bytes, ${end - valueStart} remain`);
    }
    const valueEnd = valueStart + length;
    const value = buf.toString('hex', valueStart, valueEnd).toUpperCase();
    objects.push(isConstructedTag(buf[at]) ? { tag, length, value, children: decodeObjects(buf, valueStart, valueEnd, field) } : { tag, length, value });
    at = valueEnd;
  }
  return objects;
}

function readTag(buf: Buffer, start: number, end: number, field: number): { tag: string; next: number } {
  let at = start + 1;
  if (startsMultiByteTag(buf[start])) {
    // Subsequent tag bytes: bit 8 set means one more byte follows.
    let more = true;
    while (more) {
      if (at >= end) throw new Iso8583FormatError(field, start, 'truncated: tag continues past the end of the data');
      if (at - start >= MAX_TAG_BYTES) throw new Iso8583FormatError(field, start, `tag is longer than ${MAX_TAG_BYTES} bytes`);
      more = (buf[at] & 0x80) !== 0;
      at++;
    }
  }
  return { tag: buf.toString('hex', start, at).toUpperCase(), next: at };
}

function readLength(buf: Buffer, at: number, end: number, field: number, tag: string): { length: number; next: number } {
  if (at >= end) throw new Iso8583FormatError(field, at, `truncated: tag ${tag} has no length`);
  const first = buf[at];
  if (first < 0x80) return { length: first, next: at + 1 };
  if (first === 0x80) throw new Iso8583FormatError(field, at, `length form 80 (indefinite) of tag ${tag} is not allowed: EMV lengths are definite`);
  if (first > 0x82) {
    const form = first.toString(16).toUpperCase();
    throw new Iso8583FormatError(field, at, `length form ${form} of tag ${tag} is not supported: at most 82 (two length bytes)`);
  }
  const size = first & 0x7f;
  if (at + 1 + size > end) throw new Iso8583FormatError(field, at, `truncated: length of tag ${tag} needs ${size} more bytes`);
  const length = size === 1 ? buf[at + 1] : buf.readUInt16BE(at + 1);
  return { length, next: at + 1 + size };
}
