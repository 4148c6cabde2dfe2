import { compileField, type CompiledField } from '../field/compiled-field.util';
import { decodeField, encodeField } from '../field/field.codec';
import { Iso8583FormatError } from '../iso8583-format.error';
import type { Iso8583Message, Iso8583Spec } from '../spec/iso8583-spec.types';
import { getSpec, type Iso8583SpecName } from '../spec/spec.registry';
import { buildBitmap, fieldsInBitmap, readBitmap, writeBitmap } from './bitmap.codec';

const MTI_PATTERN = /^[0-9]{4}$/;
const MAX_FIELD = 128;

/**
 * Encodes and decodes whole ISO 8583 messages (MTI, bitmaps, data elements in ascending order)
 * as the spec's field table says. Any malformed input throws Iso8583FormatError; a message is
 * never returned half-decoded.
 */
export class Iso8583Codec {
  private static readonly cache = new Map<string, Iso8583Codec>();
  private readonly fields: (CompiledField | undefined)[] = [];

  private constructor(readonly spec: Iso8583Spec) {
    for (const [key, def] of Object.entries(spec.fields)) {
      const n = Number(key);
      if (!Number.isInteger(n) || n < 2 || n > MAX_FIELD) throw new RangeError(`spec ${spec.name}: field ${key} is out of range 2-128`);
      this.fields[n] = compileField(spec, n, def);
    }
  }

  /** The codec for a registered spec name (cached) or for a spec object given directly. */
  static forSpec(spec: Iso8583SpecName | Iso8583Spec): Iso8583Codec {
    if (typeof spec !== 'string') return new Iso8583Codec(spec);
    let codec = Iso8583Codec.cache.get(spec);
    if (!codec) {
      codec = new Iso8583Codec(getSpec(spec));
      Iso8583Codec.cache.set(spec, codec);
    }
    return codec;
  }

  encode(message: Iso8583Message): Buffer {
    if (typeof message.mti !== 'string' || !MTI_PATTERN.test(message.mti)) {
      throw new Iso8583FormatError(0, 0, 'MTI must be 4 digits');
    }
    const numbers = Object.keys(message.fields)
      .map(Number)
      .sort((a, b) => a - b);
    const chunks: Buffer[] = [this.spec.mtiEncoding === 'ascii' ? Buffer.from(message.mti, 'latin1') : Buffer.from(message.mti, 'hex')];
    let offset = chunks[0].length;
    for (const n of numbers) {
      if (n === 1) throw new Iso8583FormatError(1, offset, 'the bitmap is computed by the codec and cannot be set');
      if (!this.fields[n]) throw new Iso8583FormatError(Number.isInteger(n) ? n : null, offset, 'field is not defined in spec ' + this.spec.name);
    }
    const bitmap = writeBitmap(buildBitmap(numbers), this.spec.bitmapEncoding);
    chunks.push(bitmap);
    offset += bitmap.length;
    for (const n of numbers) {
      const encoded = encodeField(this.fields[n] as CompiledField, message.fields[n], offset);
      chunks.push(encoded);
      offset += encoded.length;
    }
    return Buffer.concat(chunks, offset);
  }

  decode(buf: Buffer): Iso8583Message {
    if (!Buffer.isBuffer(buf)) throw new Iso8583FormatError(null, 0, 'input is not a Buffer');
    const mtiSize = this.spec.mtiEncoding === 'ascii' ? 4 : 2;
    if (buf.length < mtiSize) throw new Iso8583FormatError(0, 0, `truncated: MTI needs ${mtiSize} bytes, ${buf.length} remain`);
    const mti = this.spec.mtiEncoding === 'ascii' ? buf.toString('latin1', 0, 4) : buf.toString('hex', 0, 2);
    if (!MTI_PATTERN.test(mti)) throw new Iso8583FormatError(0, 0, 'MTI is not 4 digits');
    let offset = mtiSize;
    const primary = readBitmap(buf, offset, this.spec.bitmapEncoding);
    offset += this.spec.bitmapEncoding === 'hex' ? 16 : 8;
    let bitmap = primary;
    if (primary[0] & 0x80) {
      bitmap = Buffer.concat([primary, readBitmap(buf, offset, this.spec.bitmapEncoding)]);
      offset += this.spec.bitmapEncoding === 'hex' ? 16 : 8;
    }
    const fields: Record<number, string> = {};
    for (const n of fieldsInBitmap(bitmap)) {
      const f = this.fields[n];
      if (!f) throw new Iso8583FormatError(n, offset, 'field is present in the bitmap but not defined in spec ' + this.spec.name);
      const { value, end } = decodeField(f, buf, offset);
      fields[n] = value;
      offset = end;
    }
    if (offset !== buf.length) {
      throw new Iso8583FormatError(null, offset, `${buf.length - offset} trailing bytes after the last field`);
    }
    return { mti, fields };
  }
}
