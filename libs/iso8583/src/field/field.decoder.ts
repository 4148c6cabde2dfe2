import { Iso8583FormatError } from '../iso8583-format.error';
import { RULE_BY_CODE, SPACE_PADDED_CODE } from './leniency.table';
import type { FixedRun } from './fixed-run.util';
import type { FieldLeniencyRule } from '../leniency/leniency.types';
import { bcdByteLength, unpackBcd } from './bcd.util';
import { HEX_PAIR, XN_SIGN } from './char-class.table';
import type { CompiledField } from './compiled-field.util';
import { invalidByte } from './field-errors.util';

/** What a lenient field let through; the codec reports them once the whole message is decoded. */
export interface LenientField {
  readonly field: number;
  readonly rule: FieldLeniencyRule;
  readonly offset: number;
}

const NATIVE_HEX_BYTES = 16;

/**
 * Reads the data elements of one message. `text` is the whole message as Latin-1, taken once:
 * an ASCII value is then a substring of it (no per-field Buffer decoding), checked byte by byte
 * against the field's table. `pos` moves past each field read.
 */
export class FieldReader {
  pos: number;
  /** Null until a leniency rule lets something through (the common, strict case allocates nothing). */
  lenientFields: LenientField[] | null = null;

  constructor(
    private readonly buf: Buffer,
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  read(f: CompiledField): string {
    const buf = this.buf;
    const offset = this.pos;
    if (offset + f.prefixBytes > buf.length) {
      throw new Iso8583FormatError(f.number, offset, `truncated: length prefix needs ${f.prefixBytes} bytes, ${buf.length - offset} remain`);
    }
    const units = f.prefixDigits === 0 ? f.maxLength : this.readPrefix(f, offset);
    const start = offset + f.prefixBytes;
    const size = f.encoding === 'ascii' || f.encoding === 'binary' ? units : f.encoding === 'hex' ? units * 2 : bcdSize(f, units);
    const end = start + size;
    if (end > buf.length) throw new Iso8583FormatError(f.number, start, `truncated: value needs ${size} bytes, ${buf.length - start} remain`);
    this.pos = end;
    switch (f.encoding) {
      case 'ascii': {
        const value = this.text.slice(start, end);
        if (!f.pattern.test(value)) this.checkText(f, start, end);
        return value;
      }
      case 'hex':
        return this.hexText(f, start, end);
      case 'binary':
        return binaryHex(buf, start, end);
      case 'bcd': {
        const signed = f.contentClass === 'xn' && units > 0;
        if (signed && !XN_SIGN[buf[start]]) throw invalidByte(f, start);
        const digits = signed
          ? unpackBcd(buf, start + 1, units - 1, f.nibblePadLeft, false)
          : unpackBcd(buf, start, units, f.nibblePadLeft, f.contentClass === 'z');
        if (digits === null) throw new Iso8583FormatError(f.number, start, 'value is not valid BCD');
        return signed ? this.text[start] + digits : digits;
      }
    }
  }

  /**
   * Reads a run of FIXED text fields into values[at..] with one pattern check (see fixed-run.util.ts);
   * false, having read nothing, when the run is truncated or does not match: the caller then reads
   * its fields one by one, which names the exact fault or applies leniency.
   */
  readRun(run: FixedRun, values: string[], at: number): boolean {
    const start = this.pos;
    const end = start + run.size;
    if (end > this.buf.length || !run.pattern.test(this.text.slice(start, end))) return false;
    let pos = start;
    for (let k = 0; k < run.count; k++) {
      const value = this.text.slice(pos, pos + run.sizes[k]);
      values[at + k] = run.hex[k] ? value.toUpperCase() : value;
      pos += run.sizes[k];
    }
    this.pos = end;
    return true;
  }

  private readPrefix(f: CompiledField, offset: number): number {
    const buf = this.buf;
    let units = 0;
    for (let i = offset; i < offset + f.prefixBytes; i++) {
      const byte = buf[i];
      if (f.prefixEncoding === 'ascii') {
        if (byte < 0x30 || byte > 0x39) throw new Iso8583FormatError(f.number, i, 'length prefix is not numeric');
        units = units * 10 + (byte - 0x30);
      } else if (f.prefixEncoding === 'bcd') {
        if (byte >> 4 > 9 || (byte & 0x0f) > 9) throw new Iso8583FormatError(f.number, i, 'length prefix is not valid BCD');
        units = units * 100 + (byte >> 4) * 10 + (byte & 0x0f);
      } else {
        units = units * 256 + byte;
      }
    }
    if (units > f.maxLength) throw new Iso8583FormatError(f.number, offset, `length prefix ${units} exceeds maximum ${f.maxLength}`);
    return units;
  }

  /** Behind a failed pattern: finds the first refused byte, which a leniency rule may still let through. */
  private checkText(f: CompiledField, start: number, end: number): void {
    const text = this.text;
    const chars = f.chars;
    let i = start;
    if (f.contentClass === 'xn' && end > start) {
      if (!XN_SIGN[text.charCodeAt(start)]) throw invalidByte(f, start);
      i++;
    }
    for (; i < end; i++) {
      if (chars[text.charCodeAt(i)] === 0) return this.checkLenient(f, i, start, end);
    }
  }

  /** Slow path from the first refused byte: each byte must be let through by a rule of the field. */
  private checkLenient(f: CompiledField, first: number, start: number, end: number): void {
    const lenient = f.lenient;
    if (lenient === null) throw invalidByte(f, first);
    let seen = 0;
    for (let i = first; i < end; i++) {
      const byte = this.buf[i];
      if (f.chars[byte] === 1) continue;
      const code = lenient[byte];
      if (code === 0) throw invalidByte(f, i);
      if ((seen & (1 << code)) === 0) {
        seen |= 1 << code;
        if (code === SPACE_PADDED_CODE) this.checkSpacePadding(f, start, end);
        (this.lenientFields ??= []).push({ field: f.number, rule: RULE_BY_CODE[code] as FieldLeniencyRule, offset: i });
      }
    }
  }

  /** Spaces may only surround the digits ('  12', '12  '), never split them ('1 2'). */
  private checkSpacePadding(f: CompiledField, start: number, end: number): void {
    let i = start;
    while (i < end && this.buf[i] === 0x20) i++;
    while (i < end && this.buf[i] !== 0x20) i++;
    const trailing = i;
    for (; i < end; i++) if (this.buf[i] !== 0x20) throw invalidByte(f, trailing);
  }

  /** Class b on a text wire: hex characters, returned uppercase. */
  private hexText(f: CompiledField, start: number, end: number): string {
    let lower = false;
    for (let i = start; i < end; i++) {
      const byte = this.buf[i];
      if (f.chars[byte] === 0) throw invalidByte(f, i);
      if (byte >= 0x61) lower = true;
    }
    const value = this.text.slice(start, end);
    return lower ? value.toUpperCase() : value;
  }
}

/** Raw bytes as the uppercase hex the message carries; past a few bytes two native calls beat joining one hex pair per byte. */
export function binaryHex(buf: Buffer, start: number, end: number): string {
  if (end - start > NATIVE_HEX_BYTES) return buf.toString('hex', start, end).toUpperCase();
  let value = '';
  for (let i = start; i < end; i++) value += HEX_PAIR[buf[i]];
  return value;
}

function bcdSize(f: CompiledField, units: number): number {
  // x+n on a BCD wire: the C/D sign stays one ASCII byte, the digits are packed (jPOS IFB_AMOUNT).
  if (f.contentClass === 'xn') return units === 0 ? 0 : 1 + bcdByteLength(units - 1);
  return bcdByteLength(units);
}
