import { type ByteCheck, byteCheckOf, BufferViews, checkBytes } from '../field/byte-class.check';
import { XN_SIGN } from '../field/char-class.table';
import type { CompiledField } from '../field/compiled-field.util';

/**
 * The fast path of a bitmap whose fields all travel as text (ASCII values, hex for class b, ASCII
 * length prefixes: iso87ascii, iso93ascii and their dialects). A message is one Latin-1 text:
 * encoding joins the prefixes and values and writes them with one native call, decoding takes one
 * Latin-1 view; every value's bytes are then checked where they lie in the Buffer, adjacent fields
 * of one class at once and four bytes at a time (byte-class.check.ts), without a pattern call or
 * a substring per field.
 *
 * It is strict: a short FIXED value (to pad), lowercase hex (to uppercase), a byte only a leniency
 * rule lets through, a bad prefix or trailing bytes make it answer "no" having changed nothing,
 * and the codec takes the field-by-field path, which pads, uppercases, applies leniency or names
 * the field and offset at fault. It never accepts what that path would refuse or change.
 */
export class TextLayout {
  /** Per field: wire characters of a FIXED field, or -1 for a variable one. */
  private readonly fixedChars: Int32Array;
  /** Per field: the most wire characters a value may have. */
  private readonly maxChars: Int32Array;
  /** Per field: 1 for hex text (two characters per unit, as the prefix counts), else 0. */
  private readonly hexShift: Uint8Array;
  /** Per field: an x+n value, whose first byte is a sign checked apart. */
  private readonly signed: Uint8Array;
  /** Checks of runs of fields: run k covers fields runStart[k]..runStart[k+1]-1. */
  private readonly runStart: Int32Array;
  private readonly runChecks: readonly ByteCheck[];
  /** Scratch, filled by `text` and `locate`: the start and end of each value in the message. */
  readonly bounds: Int32Array;
  private readonly views = new BufferViews();

  constructor(
    private readonly fields: readonly CompiledField[],
    /** Characters before the first field: the MTI and the bitmap(s). */
    private readonly start: number,
  ) {
    const n = fields.length;
    this.fixedChars = new Int32Array(n);
    this.maxChars = new Int32Array(n);
    this.hexShift = new Uint8Array(n);
    this.signed = new Uint8Array(n);
    this.bounds = new Int32Array(2 * n);
    const runStart: number[] = [];
    const runChecks: ByteCheck[] = [];
    fields.forEach((f, i) => {
      this.hexShift[i] = f.encoding === 'hex' ? 1 : 0;
      this.fixedChars[i] = f.prefixDigits === 0 ? f.maxLength << this.hexShift[i] : -1;
      this.maxChars[i] = f.maxLength << this.hexShift[i];
      this.signed[i] = f.contentClass === 'xn' ? 1 : 0;
      // A FIXED field right after a field of the same class is checked with it: their bytes touch.
      const check = byteCheckOf(f.contentClass);
      const last = runChecks[runChecks.length - 1];
      const joins = last !== undefined && f.prefixDigits === 0 && f.contentClass !== 'xn' && fields[i - 1].contentClass === f.contentClass;
      if (joins && last.table === check.table) return;
      runStart.push(i);
      runChecks.push(check);
    });
    runStart.push(n);
    this.runStart = Int32Array.from(runStart);
    this.runChecks = runChecks;
  }

  /** Whether the layout's fields can take this path (see the class comment). */
  static fits(fields: readonly CompiledField[]): boolean {
    return fields.every((f) => (f.encoding === 'ascii' || f.encoding === 'hex') && (f.prefixDigits === 0 || f.prefixEncoding === 'ascii'));
  }

  /**
   * Encoding: the message text (MTI, bitmap text, then each field's prefix and value), or null
   * when a value is not a string of a length the field takes as it is. Its characters are not
   * checked yet: `written` does it on the bytes.
   */
  text(mti: string, bitmapText: string, values: Readonly<Record<number, unknown>>): string | null {
    const fields = this.fields;
    const bounds = this.bounds;
    let text = mti + bitmapText;
    let pos = this.start;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const value = values[f.number];
      if (typeof value !== 'string') return null;
      const chars = value.length;
      const fixed = this.fixedChars[i];
      if (fixed >= 0) {
        if (chars !== fixed) return null;
        text += value;
      } else {
        const shift = this.hexShift[i];
        if (chars > this.maxChars[i] || (chars >> shift) << shift !== chars) return null;
        const prefix = (f.prefixText as readonly string[])[chars >> shift];
        text += prefix + value;
        pos += prefix.length;
      }
      bounds[2 * i] = pos;
      pos += chars;
      bounds[2 * i + 1] = pos;
    }
    return text;
  }

  /**
   * Encoding: the Buffer holding `text`, when every value's characters are of its class; else
   * null. Written as UTF-8, so a character over 0x7f (which no class allows) shows as bytes over
   * 0x7f where the value starts, instead of Latin-1's low byte that could pass for a digit.
   */
  written(text: string): Buffer | null {
    const buf = Buffer.allocUnsafe(text.length);
    if (writeUtf8(buf, text) !== text.length) return null;
    return this.valuesFit(buf) ? buf : null;
  }

  /**
   * Decoding: true when the fields end exactly at the end of `buf` and every byte fits its
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
        chars = units << this.hexShift[i];
        if (chars > this.maxChars[i]) return false;
        pos += digits;
      }
      bounds[2 * i] = pos;
      pos += chars;
      bounds[2 * i + 1] = pos;
    }
    return pos === end && this.valuesFit(buf);
  }

  /** Every value's bytes at `bounds` are of its field's class (x+n: a sign, then digits). */
  private valuesFit(buf: Buffer): boolean {
    const offset = this.views.of(buf);
    const bytes = this.views.bytes;
    const bounds = this.bounds;
    const runStart = this.runStart;
    for (let k = 0; k < this.runChecks.length; k++) {
      const first = runStart[k];
      let start = offset + bounds[2 * first];
      const end = offset + bounds[2 * runStart[k + 1] - 1];
      if (this.signed[first] === 1 && start < end && XN_SIGN[bytes[start++]] === 0) return false;
      if (!checkBytes(this.runChecks[k], this.views, start, end)) return false;
    }
    return true;
  }
}

interface BufferInternals {
  utf8Write(text: string, offset: number, length: number): number;
}

/** Bytes written; Buffer's own method without `write`'s argument handling (the hot path calls it per message). */
function writeUtf8(buf: Buffer, text: string): number {
  return (buf as unknown as BufferInternals).utf8Write(text, 0, text.length);
}
