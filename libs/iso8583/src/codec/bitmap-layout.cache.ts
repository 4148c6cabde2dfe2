import { HEX_PAIR } from '../field/char-class.table';
import type { CompiledField } from '../field/compiled-field.util';
import { binaryHex } from '../field/field.decoder';
import { type FixedRun, fixedRuns } from '../field/fixed-run.util';
import { TextLayout } from './text-layout';

/**
 * What one bitmap means for a spec, worked out once: the fields to read, in order, and a factory
 * that returns the decoded `fields` object. The factory is an object literal compiled for these
 * field numbers: V8 then allocates the object with its elements in one step, whereas keyed stores
 * that grow a plain object's elements go through the runtime (about 50 ns each, a third of a
 * decode). The source holds only the field numbers, never a value.
 */
export interface BitmapLayout {
  /** The bitmap bytes (8, or 16 with the secondary bitmap). */
  readonly bitmap: Uint8Array;
  readonly fields: readonly CompiledField[];
  /** First field the bitmap announces that the spec does not define (0: none); decoding stops there. */
  readonly undefinedField: number;
  /** Builds by stores until the layout is remembered, then with the compiled literal (see above). */
  build: (values: readonly string[]) => Record<number, string>;
  compiled: boolean;
  /** The bitmap(s) as the spec writes them (Latin-1 text, one character per byte). */
  readonly bitmapText: string;
  /** Per field: the run of FIXED text fields that starts there, or null (see fixed-run.util.ts). */
  readonly runs: readonly (FixedRun | null)[];
  /** The one-text path of a message whose fields all travel as text (see text-layout.ts), or null. */
  readonly text: TextLayout | null;
  /** Decoded fields cut out of the message text at `TextLayout.bounds`; set once the layout is remembered. */
  cut: ((text: string, bounds: Int32Array, buf: Buffer) => Record<number, string>) | null;
}

/** Distinct bitmaps kept per spec; a link sees a handful (one or two per message type). */
const MAX_LAYOUTS = 256;

export class BitmapLayoutCache {
  private readonly layouts = new Map<string, BitmapLayout>();
  // The last layout used, checked first: a link mostly sees the same few.
  private last: BitmapLayout | null = null;

  constructor(
    private readonly specFields: readonly (CompiledField | undefined)[],
    private readonly bitmapEncoding: 'hex' | 'binary',
    /** Whether the MTI is ASCII: with a hex bitmap, the whole message head is text. */
    private readonly asciiMti: boolean,
  ) {}

  /**
   * Encoding: the last layout when the message has exactly its fields, else null. Every field of
   * the layout is present and the message has as many values as the layout has fields, so it has
   * no other key: this spares Object.keys, which makes a string per field number.
   */
  sameKeysAsLast(values: Readonly<Record<number, unknown>>): BitmapLayout | null {
    const last = this.last;
    if (last === null) return null;
    const fields = last.fields;
    for (let i = 0; i < fields.length; i++) if (values[fields[i].number] === undefined) return null;
    return Object.values(values).length === fields.length ? last : null;
  }

  /** The layout of the bitmap bytes `bitmap[0..bytes)`. */
  get(bitmap: Uint8Array, bytes: number): BitmapLayout {
    if (this.last !== null && sameBytes(bitmap, this.last.bitmap, bytes)) return this.last;
    return this.layouts.get(keyOf(bitmap, bytes)) ?? this.layoutOf(bitmap, bytes);
  }

  /**
   * Remembers a layout once a message with it has been encoded or decoded, so malformed input
   * never fills the cache nor costs code generation; a remembered layout gets its compiled builder.
   */
  remember(layout: BitmapLayout): void {
    if (layout === this.last) return;
    this.last = layout;
    if (layout.compiled || this.layouts.size >= MAX_LAYOUTS) return;
    layout.build = compiledBuilder(layout.fields);
    if (layout.text !== null) layout.cut = compiledCutter(layout.fields);
    layout.compiled = true;
    this.layouts.set(keyOf(layout.bitmap, layout.bitmap.length), layout);
  }

  private layoutOf(bytes: Uint8Array, count: number): BitmapLayout {
    const bitmap = bytes.slice(0, count);
    const bitmapText = this.bitmapEncoding === 'hex' ? keyOf(bitmap, count) : String.fromCharCode(...bitmap);
    const fields: CompiledField[] = [];
    for (let byte = 0; byte < count; byte++) {
      // Bit 1 announces the secondary bitmap; it is not a field.
      let bits = byte === 0 ? bitmap[0] & 0x7f : bitmap[byte];
      while (bits !== 0) {
        const bit = Math.clz32(bits) - 24;
        bits ^= 0x80 >> bit;
        const n = byte * 8 + bit + 1;
        const f = this.specFields[n];
        if (f === undefined) {
          return { bitmap, bitmapText, fields, undefinedField: n, build: () => ({}), compiled: false, runs: fields.map(() => null), text: null, cut: null };
        }
        fields.push(f);
      }
    }
    const text = this.asciiMti && this.bitmapEncoding === 'hex' && TextLayout.fits(fields) ? new TextLayout(fields, 4 + bitmapText.length) : null;
    return { bitmap, bitmapText, fields, undefinedField: 0, build: storingBuilder(fields), compiled: false, runs: fixedRuns(fields), text, cut: null };
  }
}

/** Uppercase hex of the bitmap bytes: the map key, and the wire form of a hex bitmap. */
function keyOf(bitmap: Uint8Array, bytes: number): string {
  let key = '';
  for (let i = 0; i < bytes; i++) key += HEX_PAIR[bitmap[i]];
  return key;
}

function sameBytes(a: Uint8Array, b: Uint8Array, bytes: number): boolean {
  if (b.length !== bytes) return false;
  for (let i = 0; i < bytes; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compiledBuilder(fields: readonly CompiledField[]): BitmapLayout['build'] {
  return compiledLiteral<BitmapLayout['build']>(fields, 'v', (i) => `v[${i}]`) ?? storingBuilder(fields);
}

/**
 * The same literal with each value cut out of the message text, or for raw bytes turned into hex
 * from the Buffer (`h` is binaryHex): no array of values in between.
 */
function compiledCutter(fields: readonly CompiledField[]): NonNullable<BitmapLayout['cut']> {
  const value = (i: number): string => (fields[i].encoding === 'binary' ? `h(u, b[${2 * i}], b[${2 * i + 1}])` : `t.slice(b[${2 * i}], b[${2 * i + 1}])`);
  const cutter = compiledLiteral<NonNullable<BitmapLayout['cut']>>(fields, 't, b, u', value);
  if (cutter !== null) return cutter;
  const build = storingBuilder(fields);
  const values = new Array<string>(fields.length);
  return (text, bounds, buf) => {
    for (let i = 0; i < values.length; i++) {
      const [start, end] = [bounds[2 * i], bounds[2 * i + 1]];
      values[i] = fields[i].encoding === 'binary' ? binaryHex(buf, start, end) : text.slice(start, end);
    }
    return build(values);
  };
}

/** `(params) => ({ [field number]: value(i), ... })`, or null where code generation is disallowed. */
function compiledLiteral<F>(fields: readonly CompiledField[], params: string, value: (i: number) => string): F | null {
  const literal = fields.map((f, i) => `${f.number}: ${value(i)}`).join(', ');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source holds field numbers and indexes only (integers from the spec)
    const factory = new Function('h', `return function (${params}) { return { ${literal} }; };`) as (h: typeof binaryHex) => F;
    return factory(binaryHex);
  } catch {
    // Code generation disallowed (node --disallow-code-generation-from-strings).
    return null;
  }
}

/** The same object built by stores, highest field first so the elements are allocated once. */
function storingBuilder(fields: readonly CompiledField[]): BitmapLayout['build'] {
  const numbers = fields.map((f) => f.number);
  return (values) => {
    const out: Record<number, string> = {};
    for (let i = numbers.length - 1; i >= 0; i--) out[numbers[i]] = values[i];
    return out;
  };
}
