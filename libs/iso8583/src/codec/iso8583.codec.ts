import { BCD_PAIR, BYTE_CHAR } from '../field/char-class.table';
import { compileField, type CompiledField } from '../field/compiled-field.util';
import { FieldReader } from '../field/field.decoder';
import { fieldText } from '../field/field.encoder';
import { Iso8583FormatError } from '../iso8583-format.error';
import type { DecodeOptions } from '../leniency/leniency.types';
import type { Iso8583Message, Iso8583Spec } from '../spec/iso8583-spec.types';
import { getSpec, type Iso8583SpecName } from '../spec/spec.registry';
import { type BitmapLayout, BitmapLayoutCache } from './bitmap-layout.cache';
import { readBitmap } from './bitmap.codec';
import { type FixedRun, runText } from '../field/fixed-run.util';
import { reportLeniency } from './leniency.report';
import { latin1Text } from './buffer-text.util';
import type { TextLayout } from './text-layout';

const MAX_FIELD = 128;

/**
 * Encodes and decodes whole ISO 8583 messages (MTI, bitmaps, data elements in ascending order)
 * as the spec's field table says. Any malformed input throws Iso8583FormatError; a message is
 * never returned half-decoded. The field table is compiled once per spec; a message is encoded
 * into exactly one Buffer and decoded from one Latin-1 view of the input. On a text wire, a
 * bitmap seen before takes the one-text path first (text-layout.ts), and field by field only
 * what that path does not take as it is.
 */
export class Iso8583Codec {
  private static readonly cache = new Map<string, Iso8583Codec>();
  private readonly fields: (CompiledField | undefined)[] = new Array<CompiledField | undefined>(MAX_FIELD + 1).fill(undefined);
  private readonly mtiBytes: number;
  private readonly bitmapBytes: number;
  private readonly trailingBytesAllowed: boolean;
  // Apart for each direction: a link encodes requests and decodes responses, whose bitmaps differ.
  private readonly encodeLayouts: BitmapLayoutCache;
  private readonly decodeLayouts: BitmapLayoutCache;
  // Scratch for the bitmap bytes: encode and decode are synchronous and call no user code meanwhile.
  private readonly encodeBitmap = new Uint8Array(16);
  private readonly decodeBitmap = new Uint8Array(16);

  private constructor(readonly spec: Iso8583Spec) {
    for (const [key, def] of Object.entries(spec.fields)) {
      const n = Number(key);
      if (!Number.isInteger(n) || n < 2 || n > MAX_FIELD) throw new RangeError(`spec ${spec.name}: field ${key} is out of range 2-128`);
      this.fields[n] = compileField(spec, n, def);
    }
    this.mtiBytes = spec.mtiEncoding === 'ascii' ? 4 : 2;
    this.bitmapBytes = spec.bitmapEncoding === 'hex' ? 16 : 8;
    this.trailingBytesAllowed = spec.lenient?.includes('trailing-bytes') ?? false;
    this.encodeLayouts = new BitmapLayoutCache(this.fields, spec.bitmapEncoding, this.mtiBytes === 4);
    this.decodeLayouts = new BitmapLayoutCache(this.fields, spec.bitmapEncoding, this.mtiBytes === 4);
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

  /** Always strict, whatever leniency the dialect declares for decoding. */
  encode(message: Iso8583Message): Buffer {
    const mti = message.mti;
    if (typeof mti !== 'string' || mti.length !== 4 || !isDigits(mti)) throw new Iso8583FormatError(0, 0, 'MTI must be 4 digits');
    const values = message.fields;
    const layout = this.encodeLayouts.sameKeysAsLast(values) ?? this.encodeLayout(values);
    if (layout.compiled && layout.text !== null) {
      // The one-text path (text-layout.ts) of a remembered layout; anything it does not take as it is goes field by field below.
      const written = layout.text.encode(mti, layout.bitmapText, values);
      if (written !== null) {
        this.encodeLayouts.remember(layout);
        return written;
      }
    }
    // The message is built as Latin-1 text (one character per byte) and written with one native call.
    let text = this.mtiBytes === 4 ? mti : BYTE_CHAR[parseInt(mti.slice(0, 2), 16)] + BYTE_CHAR[parseInt(mti.slice(2), 16)];
    text += layout.bitmapText;
    const fields = layout.fields;
    for (let i = 0; i < fields.length;) {
      const run = layout.runs[i];
      const joined = run === null ? null : runText(run, fields, i, values);
      if (joined !== null) {
        text += joined;
        i += (run as FixedRun).count;
      } else {
        text += fieldText(fields[i], values[fields[i].number], text.length);
        i++;
      }
    }
    this.encodeLayouts.remember(layout);
    return Buffer.from(text, 'latin1');
  }

  /** The layout of the fields the message gives, each checked to be a data element of the spec. */
  private encodeLayout(values: Readonly<Record<number, unknown>>): BitmapLayout {
    const keys = Object.keys(values);
    const bitmap = this.encodeBitmap.fill(0);
    let secondary = false;
    for (let i = 0; i < keys.length; i++) {
      const n = Number(keys[i]);
      if (n === 1) throw new Iso8583FormatError(1, this.mtiBytes, 'the bitmap is computed by the codec and cannot be set');
      if (!Number.isInteger(n) || n < 2 || n > MAX_FIELD || this.fields[n] === undefined) {
        throw new Iso8583FormatError(Number.isInteger(n) ? n : null, this.mtiBytes, 'field is not defined in spec ' + this.spec.name);
      }
      if (n > 64) secondary = true;
      bitmap[(n - 1) >> 3] |= 0x80 >> ((n - 1) & 7);
    }
    if (secondary) bitmap[0] |= 0x80;
    return this.encodeLayouts.get(bitmap, secondary ? 16 : 8);
  }

  /**
   * Strict unless the dialect declares leniency; what a lenient rule lets through is reported in
   * `options` (warnings, metric) once the whole message has decoded.
   */
  decode(buf: Buffer, options?: DecodeOptions): Iso8583Message {
    if (!Buffer.isBuffer(buf)) throw new Iso8583FormatError(null, 0, 'input is not a Buffer');
    const mtiSize = this.mtiBytes;
    if (buf.length < mtiSize) throw new Iso8583FormatError(0, 0, `truncated: MTI needs ${mtiSize} bytes, ${buf.length} remain`);
    const text = latin1Text(buf);
    const mti = mtiSize === 4 ? text.slice(0, 4) : `${BCD_PAIR[buf[0]]}${BCD_PAIR[buf[1]]}`;
    if (mti.length !== 4 || !isDigits(mti)) throw new Iso8583FormatError(0, 0, 'MTI is not 4 digits');
    const bitmap = this.decodeBitmap;
    let offset = readBitmap(buf, mtiSize, this.spec.bitmapEncoding, bitmap, 0);
    let bitmapBytes = 8;
    if ((bitmap[0] & 0x80) !== 0) {
      offset = readBitmap(buf, offset, this.spec.bitmapEncoding, bitmap, 8);
      bitmapBytes = 16;
    }
    const layout = this.decodeLayouts.get(bitmap, bitmapBytes);
    if (layout.cut !== null && (layout.text as TextLayout).locate(buf)) {
      this.decodeLayouts.remember(layout);
      return { mti, fields: layout.cut(text, (layout.text as TextLayout).bounds, buf) };
    }
    const reader = new FieldReader(buf, text, offset);
    const count = layout.fields.length;
    const values = new Array<string>(count);
    for (let i = 0; i < count;) {
      const run = layout.runs[i];
      if (run !== null && reader.readRun(run, values, i)) i += run.count;
      else {
        values[i] = reader.read(layout.fields[i]);
        i++;
      }
    }
    if (layout.undefinedField !== 0) {
      throw new Iso8583FormatError(layout.undefinedField, reader.pos, 'field is present in the bitmap but not defined in spec ' + this.spec.name);
    }
    const trailing = buf.length - reader.pos;
    if (trailing !== 0 && !this.trailingBytesAllowed) throw new Iso8583FormatError(null, reader.pos, `${trailing} trailing bytes after the last field`);
    if (reader.lenientFields !== null || trailing !== 0) reportLeniency(this.spec.name, reader, trailing, options);
    this.decodeLayouts.remember(layout);
    return { mti, fields: layout.build(values) };
  }
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
