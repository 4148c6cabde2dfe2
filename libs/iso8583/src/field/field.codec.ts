import { Iso8583FormatError } from '../iso8583-format.error';
import { bcdByteLength, packBcd, unpackBcd } from './bcd.util';
import type { CompiledField } from './compiled-field.util';
import { describeContentClass, firstInvalidChar } from './content-class.util';
import { decodePrefix, encodePrefix, prefixByteLength } from './length-prefix.codec';

// Error texts name the field, offset and reason only, never the value: DE 2/35/45/52/55 are card data.

/** Bytes the value part takes for a length in units (characters, or bytes for class b). */
function bodyByteLength(f: CompiledField, units: number): number {
  switch (f.encoding) {
    case 'ascii':
    case 'binary':
      return units;
    case 'hex':
      return units * 2;
    case 'bcd':
      // x+n on a BCD wire: the C/D sign stays one ASCII byte, the digits are packed (jPOS IFB_AMOUNT).
      if (f.contentClass === 'xn') return units === 0 ? 0 : 1 + bcdByteLength(units - 1);
      return bcdByteLength(units);
  }
}

function padFixed(f: CompiledField, value: string, offset: number): string {
  if (f.contentClass === 'b' || f.contentClass === 'xn') {
    throw new Iso8583FormatError(f.number, offset, `length ${value.length} differs from fixed length ${f.maxLength}`);
  }
  // The fill follows the content class (digits stay digits), the side follows the definition.
  const fill = f.contentClass === 'n' || f.contentClass === 'z' ? '0' : ' ';
  return f.padLeft ? value.padStart(f.maxLength, fill) : value.padEnd(f.maxLength, fill);
}

function encodeBody(f: CompiledField, value: string): Buffer {
  switch (f.encoding) {
    case 'ascii':
    case 'hex':
      return Buffer.from(value, 'latin1');
    case 'binary':
      return Buffer.from(value, 'hex');
    case 'bcd':
      if (f.contentClass === 'xn') {
        return Buffer.concat([Buffer.from(value.slice(0, 1), 'latin1'), packBcd(value.slice(1), f.nibblePadLeft)]);
      }
      return packBcd(value, f.nibblePadLeft);
  }
}

/** Encodes one data element (prefix + value). `offset` is only used to locate errors. */
export function encodeField(f: CompiledField, raw: unknown, offset: number): Buffer {
  if (typeof raw !== 'string') throw new Iso8583FormatError(f.number, offset, 'value is not a string');
  let value = f.contentClass === 'b' ? raw.toUpperCase() : raw;
  const bad = firstInvalidChar(f.contentClass, value);
  if (bad >= 0) {
    throw new Iso8583FormatError(f.number, offset, `character at position ${bad} is not ${describeContentClass(f.contentClass)}`);
  }
  if (f.contentClass === 'b' && value.length % 2 !== 0) {
    throw new Iso8583FormatError(f.number, offset, 'binary value has an odd number of hex characters');
  }
  const units = f.contentClass === 'b' ? value.length / 2 : value.length;
  if (units > f.maxLength) throw new Iso8583FormatError(f.number, offset, `length ${units} exceeds maximum ${f.maxLength}`);
  if (f.prefixDigits === 0) {
    if (units < f.maxLength) value = padFixed(f, value, offset);
    return encodeBody(f, value);
  }
  return Buffer.concat([encodePrefix(f, units), encodeBody(f, value)]);
}

/** Decodes one data element starting at `offset`; returns the value and the offset after it. */
export function decodeField(f: CompiledField, buf: Buffer, offset: number): { value: string; end: number } {
  const prefixSize = prefixByteLength(f);
  if (offset + prefixSize > buf.length) {
    throw new Iso8583FormatError(f.number, offset, `truncated: length prefix needs ${prefixSize} bytes, ${buf.length - offset} remain`);
  }
  const units = prefixSize === 0 ? f.maxLength : decodePrefix(f, buf, offset);
  const start = offset + prefixSize;
  const size = bodyByteLength(f, units);
  if (start + size > buf.length) {
    throw new Iso8583FormatError(f.number, start, `truncated: value needs ${size} bytes, ${buf.length - start} remain`);
  }
  const end = start + size;
  let value: string | null;
  switch (f.encoding) {
    case 'ascii':
    case 'hex':
      value = buf.toString('latin1', start, end);
      break;
    case 'binary':
      value = buf.toString('hex', start, end).toUpperCase();
      break;
    case 'bcd':
      value =
        f.contentClass === 'xn' && units > 0
          ? prefixedBcd(buf, start, units, f.nibblePadLeft)
          : unpackBcd(buf, start, units, f.nibblePadLeft, f.contentClass === 'z');
      if (value === null) throw new Iso8583FormatError(f.number, start, 'value is not valid BCD');
      break;
  }
  const bad = firstInvalidChar(f.contentClass, value);
  if (bad >= 0) {
    const at = f.encoding === 'ascii' || f.encoding === 'hex' ? start + bad : start;
    throw new Iso8583FormatError(f.number, at, `byte is not ${describeContentClass(f.contentClass)}`);
  }
  return { value: f.encoding === 'hex' ? value.toUpperCase() : value, end };
}

function prefixedBcd(buf: Buffer, start: number, units: number, padLeft: boolean): string | null {
  const digits = unpackBcd(buf, start + 1, units - 1, padLeft, false);
  return digits === null ? null : buf.toString('latin1', start, start + 1) + digits;
}
