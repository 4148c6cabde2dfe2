import { type ByteCheck, byteCheckOf, BufferViews, checkBytes } from '../field/byte-class.check';
import { CHAR_PATTERNS, XN_SIGN } from '../field/char-class.table';
import type { CompiledField } from '../field/compiled-field.util';
import { writeHex, writeUtf8 } from './buffer-text.util';

/**
 * One for every layout and codec: a check runs start to end without yielding, and the views of
 * the last memory checked are most likely the next one's (encoded messages share Node's pool).
 */
const VIEWS = new BufferViews();

/**
 * The fast path of a bitmap whose fields all travel as text behind ASCII length prefixes: ASCII
 * values, hex text for class b, or raw bytes (iso87ascii, iso93ascii and their dialects). The
 * text is written with one native call (one per stretch between raw fields), and read as one
 * Latin-1 view; every text value's bytes are then checked where they lie in the Buffer, adjacent
 * fields of one class at once and four bytes at a time (byte-class.check.ts), without a pattern
 * call or a substring per field.
 *
 * It is strict: a short FIXED value (to pad), lowercase hex text (to uppercase), a byte only a
 * leniency rule lets through, a bad prefix or trailing bytes make it answer "no" having changed
 * nothing, and the codec takes the field-by-field path, which pads, uppercases, applies leniency
 * or names the field and offset at fault. It never accepts what that path would refuse or change.
 */
export class TextLayout {
  /** Per field: characters of a FIXED value (hex: two per byte), or -1 for a variable one. */
  private readonly fixedChars: Int32Array;
  /** Per field: the most characters a value may have. */
  private readonly maxChars: Int32Array;
  /** Per field: 1 where a value has two characters per unit (hex text, raw bytes), else 0. */
  private readonly unitShift: Uint8Array;
  /** Per field: 1 for raw bytes (one wire byte per unit, any value), else 0. */
  private readonly raw: Uint8Array;
  /** Per field: an x+n value, whose first byte is a sign checked apart. */
  private readonly signed: Uint8Array;
  /** Checks of runs of text fields: run k covers fields runFirst[k]..runLast[k]. */
  private readonly runFirst: Int32Array;
  private readonly runLast: Int32Array;
  private readonly runChecks: readonly ByteCheck[];
  private readonly hasRaw: boolean;
  /** Scratch, filled by `encode` and `locate`: the start and end of each value in the message. */
  readonly bounds: Int32Array;
  private readonly views = VIEWS;

  constructor(
    private readonly fields: readonly CompiledField[],
    /** Characters before the first field: the MTI and the bitmap(s). */
    private readonly start: number,
  ) {
    const n = fields.length;
    this.fixedChars = new Int32Array(n);
    this.maxChars = new Int32Array(n);
    this.unitShift = new Uint8Array(n);
    this.raw = new Uint8Array(n);
    this.signed = new Uint8Array(n);
    this.bounds = new Int32Array(2 * n);
    const runFirst: number[] = [];
    const runLast: number[] = [];
    const runChecks: ByteCheck[] = [];
    fields.forEach((f, i) => {
      this.unitShift[i] = f.encoding === 'hex' || f.encoding === 'binary' ? 1 : 0;
      this.raw[i] = f.encoding === 'binary' ? 1 : 0;
      this.fixedChars[i] = f.prefixDigits === 0 ? f.maxLength << this.unitShift[i] : -1;
      this.maxChars[i] = f.maxLength << this.unitShift[i];
      this.signed[i] = f.contentClass === 'xn' ? 1 : 0;
      if (this.raw[i] === 1) return;
      // A FIXED text field right after a text field of the same class is checked with it: their bytes touch.
      const check = byteCheckOf(f.contentClass);
      const last = runChecks.length - 1;
      const joins = last >= 0 && runLast[last] === i - 1 && f.prefixDigits === 0 && f.contentClass !== 'xn' && fields[i - 1].contentClass === f.contentClass;
      if (joins && runChecks[last].table === check.table) {
        runLast[last] = i;
        return;
      }
      runFirst.push(i);
      runLast.push(i);
      runChecks.push(check);
    });
    this.runFirst = Int32Array.from(runFirst);
    this.runLast = Int32Array.from(runLast);
    this.runChecks = runChecks;
    this.hasRaw = this.raw.includes(1);
  }

  /** Whether the layout's fields can take this path (see the class comment). */
  static fits(fields: readonly CompiledField[]): boolean {
    return fields.every((f) => f.encoding !== 'bcd' && (f.prefixDigits === 0 || f.prefixEncoding === 'ascii'));
  }

  /**
   * Encoding: the message (MTI, bitmap text, then each field's prefix and value), or null when a
   * value is not a string of a length the field takes as it is, or a character does not fit.
   * Text is written as UTF-8, so a character over 0x7f (which no text class allows) shows as
   * bytes over 0x7f where its value starts, instead of Latin-1's low byte that could pass for a digit.
   */
  encode(mti: string, bitmapText: string, values: Readonly<Record<number, unknown>>): Buffer | null {
    const fields = this.fields;
    const bounds = this.bounds;
    let text = mti + bitmapText;
    let pos = this.start;
    // With raw fields: the text before each raw value (the text after the last stays in `text`).
    const texts: string[] | null = this.hasRaw ? [] : null;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const value = values[f.number];
      if (typeof value !== 'string') return null;
      const chars = value.length;
      const fixed = this.fixedChars[i];
      const shift = this.unitShift[i];
      if (fixed >= 0) {
        if (chars !== fixed) return null;
      } else {
        if (chars > this.maxChars[i] || (chars >> shift) << shift !== chars) return null;
        const prefix = (f.prefixText as readonly string[])[chars >> shift];
        text += prefix;
        pos += prefix.length;
      }
      bounds[2 * i] = pos;
      if (this.raw[i] === 1) {
        if (!CHAR_PATTERNS.b.test(value)) return null;
        (texts as string[]).push(text);
        text = '';
        pos += chars >> 1;
      } else {
        text += value;
        pos += chars;
      }
      bounds[2 * i + 1] = pos;
    }
    const buf = Buffer.allocUnsafe(pos);
    const written = texts === null ? writeUtf8(buf, text, 0, pos) === pos : this.writeWithRaw(buf, texts, text, values);
    return written && this.valuesFit(buf) ? buf : null;
  }

  /** The texts between raw values as UTF-8, the raw values from their (checked) hex. */
  private writeWithRaw(buf: Buffer, texts: readonly string[], last: string, values: Readonly<Record<number, unknown>>): boolean {
    let offset = 0;
    let r = 0;
    for (let i = 0; i < this.fields.length; i++) {
      if (this.raw[i] === 0) continue;
      const chars = texts[r].length;
      if (writeUtf8(buf, texts[r++], offset, chars) !== chars) return false;
      const start = this.bounds[2 * i];
      offset = this.bounds[2 * i + 1];
      writeHex(buf, values[this.fields[i].number] as string, start, offset - start);
    }
    return writeUtf8(buf, last, offset, last.length) === last.length;
  }

  /**
   * Decoding: true when the fields end exactly at the end of `buf` and every text byte fits its
   * field; `bounds` then holds where each value starts and ends (in `buf` and its Latin-1 text).
   */
  locate(buf: Buffer): boolean {
    const fields = this.fields;
    const bounds = this.bounds;
    const end = buf.length;
    let pos = this.start;
    for (let i = 0; i < fields.length; i++) {
      const fixed = this.fixedChars[i];
      let chars = fixed;
      if (fixed < 0) {
        const digits = fields[i].prefixDigits;
        if (pos + digits > end) return false;
        let units = 0;
        for (let d = 0; d < digits; d++) {
          const digit = buf[pos + d] - 0x30;
          if (digit < 0 || digit > 9) return false;
          units = units * 10 + digit;
        }
        chars = units << this.unitShift[i];
        if (chars > this.maxChars[i]) return false;
        pos += digits;
      }
      bounds[2 * i] = pos;
      pos += this.raw[i] === 1 ? chars >> 1 : chars;
      bounds[2 * i + 1] = pos;
    }
    return pos === end && this.valuesFit(buf);
  }

  /** Every text value's bytes at `bounds` are of its field's class (x+n: a sign, then digits). */
  private valuesFit(buf: Buffer): boolean {
    const offset = this.views.of(buf);
    const bytes = this.views.bytes;
    const bounds = this.bounds;
    for (let k = 0; k < this.runChecks.length; k++) {
      const first = this.runFirst[k];
      let start = offset + bounds[2 * first];
      const end = offset + bounds[2 * this.runLast[k] + 1];
      if (this.signed[first] === 1 && start < end && XN_SIGN[bytes[start++]] === 0) return false;
      if (!checkBytes(this.runChecks[k], this.views, start, end)) return false;
    }
    return true;
  }
}
