import { Iso8583FormatError } from '../iso8583-format.error';
import { ICC_DATA_FIELD, isConstructedTag, MAX_TAG_BYTES, MAX_VALUE_BYTES, startsMultiByteTag, type TlvInput } from './ber-tlv.model';

const HEX_BYTES = /^(?:[0-9A-Fa-f]{2})*$/;

/**
 * Encodes data objects into BER-TLV ICC data (DE 55) as uppercase hex, with the shortest length
 * form (EMV Book 3 Annex B): decoding canonical data and encoding it again gives the same bytes.
 * A bad tag or value throws Iso8583FormatError naming the field and the byte offset of the data
 * object in the output.
 */
export function encodeBerTlv(objects: readonly TlvInput[], field: number = ICC_DATA_FIELD): string {
  const out = Buffer.alloc(sizeOfAll(objects));
  writeAll(out, 0, objects, field);
  return out.toString('hex').toUpperCase();
}

function lengthFieldSize(length: number): number {
  return length < 0x80 ? 1 : length <= 0xff ? 2 : 3;
}

// A first pass sizes everything without validating, so every offset in the second pass is exact.
function valueSize(o: TlvInput): number {
  return o.children ? sizeOfAll(o.children) : Math.ceil((o.value?.length ?? 0) / 2);
}

function sizeOfAll(objects: readonly TlvInput[]): number {
  let size = 0;
  for (const o of objects) {
    const value = valueSize(o);
    size += Math.ceil((typeof o.tag === 'string' ? o.tag.length : 0) / 2) + lengthFieldSize(value) + value;
  }
  return size;
}

function writeAll(out: Buffer, start: number, objects: readonly TlvInput[], field: number): number {
  let at = start;
  for (const o of objects) at = writeObject(out, at, o, field);
  return at;
}

function writeObject(out: Buffer, start: number, o: TlvInput, field: number): number {
  const tag = checkedTag(o.tag, start, field);
  const constructed = isConstructedTag(tag[0]);
  if (o.children && !constructed) throw new Iso8583FormatError(field, start, `tag ${o.tag} is primitive and cannot hold data objects`);
  if (!o.children && (typeof o.value !== 'string' || !HEX_BYTES.test(o.value))) {
    throw new Iso8583FormatError(field, start, `value of tag ${o.tag} is not hexadecimal bytes`);
  }
  const length = valueSize(o);
  if (length > MAX_VALUE_BYTES) throw new Iso8583FormatError(field, start, `value of tag ${o.tag} exceeds ${MAX_VALUE_BYTES} bytes`);
  let at = start + tag.copy(out, start);
  if (length >= 0x80) out[at++] = length <= 0xff ? 0x81 : 0x82;
  at = length > 0xff ? out.writeUInt16BE(length, at) : out.writeUInt8(length, at);
  if (o.children) return writeAll(out, at, o.children, field);
  return at + out.write(o.value ?? '', at, 'hex');
}

/** The tag's bytes, after checking it is well-formed: continuation bits consistent with its length. */
function checkedTag(tag: unknown, offset: number, field: number): Buffer {
  const valid = typeof tag === 'string' && HEX_BYTES.test(tag) && tag.length >= 2 && tag.length <= 2 * MAX_TAG_BYTES;
  const bytes = valid ? Buffer.from(tag, 'hex') : Buffer.alloc(0);
  const wellFormed =
    valid &&
    (bytes.length === 1
      ? !startsMultiByteTag(bytes[0])
      : startsMultiByteTag(bytes[0]) && bytes.subarray(1).every((b, i) => ((b & 0x80) !== 0) === i < bytes.length - 2));
  if (!wellFormed) throw new Iso8583FormatError(field, offset, `tag is not a well-formed BER-TLV tag of 1-${MAX_TAG_BYTES} bytes`);
  return bytes;
}
