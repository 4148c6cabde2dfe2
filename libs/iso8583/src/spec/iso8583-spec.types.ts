import type { FieldLeniencyRule, MessageLeniencyRule } from '../leniency/leniency.types';

/**
 * A packager is pure DATA: one definition per field number plus how the MTI, bitmaps and length
 * prefixes are written. Adding a network dialect (1993, BCD, EBCDIC later) means adding a spec,
 * not code, as long as it only combines the encodings below.
 */

/** FIXED: always maxLength units; LLVAR/LLLVAR: a 2/3-digit length prefix then the value. */
export type LengthType = 'FIXED' | 'LLVAR' | 'LLLVAR';

/**
 * ISO 8583-1 content classes: n numeric, a alpha, an alphanumeric, ans alphanumeric + special,
 * b binary (value given as uppercase hex), z track 2/3 code set (digits and the '=' separator),
 * xn amount with a C(redit)/D(ebit) sign character then digits (jPOS IFx_AMOUNT).
 */
export type ContentClass = 'n' | 'a' | 'an' | 'ans' | 'b' | 'z' | 'xn';

/**
 * How a value is written. ascii: one byte per character. bcd: packed two digits per byte ('='
 * is nibble D for track 2). hex: binary data written as two ASCII hex characters per byte (ASCII
 * packagers). binary: raw bytes.
 */
export type ValueEncoding = 'ascii' | 'bcd' | 'hex' | 'binary';

/** How a LLVAR/LLLVAR length prefix is written: ASCII digits, packed BCD, or a big-endian integer. */
export type PrefixEncoding = 'ascii' | 'bcd' | 'binary';

/** Side on which a short fixed value is filled, or on which the pad nibble of an odd BCD digit count goes. */
export type PadSide = 'left' | 'right';

export interface FieldDefinition {
  readonly name: string;
  readonly lengthType: LengthType;
  /** Units: characters (digits for n/z/xn), bytes for b. For FIXED it is the exact length. */
  readonly maxLength: number;
  readonly contentClass: ContentClass;
  /** Overrides the spec default for this field's content class. */
  readonly encoding?: ValueEncoding;
  /** Overrides the spec default length-prefix encoding. */
  readonly prefixEncoding?: PrefixEncoding;
  /** Overrides the side a short FIXED value is filled on (n, z, xn: left with '0'; a, an, ans: right with ' '). */
  readonly pad?: PadSide;
  /** Overrides the spec's side for the pad nibble of an odd digit count in BCD. */
  readonly nibblePad?: PadSide;
  /** What decoding lets through although the content class refuses it (see leniency.types.ts). Encoding stays strict. */
  readonly lenient?: readonly FieldLeniencyRule[];
}

export interface Iso8583Spec {
  readonly name: string;
  readonly description: string;
  readonly mtiEncoding: 'ascii' | 'bcd';
  /** hex: 16 ASCII hex characters per bitmap; binary: 8 raw bytes. */
  readonly bitmapEncoding: 'hex' | 'binary';
  readonly prefixEncoding: PrefixEncoding;
  /**
   * Side of the pad nibble when an odd number of digits is packed as BCD (default left). jPOS
   * packagers built with pad=false put it on the right: "123" is 12 30, not 01 23.
   */
  readonly nibblePad?: PadSide;
  /** Default value encoding per content class. */
  readonly encodings: Readonly<Record<ContentClass, ValueEncoding>>;
  /** Message-level leniency when decoding (bytes after the last field). */
  readonly lenient?: readonly MessageLeniencyRule[];
  /** Data elements 2..128 (1 is the bitmap, handled by the message codec). */
  readonly fields: Readonly<Record<number, FieldDefinition>>;
}

/** The message as the platform sees it: MTI plus field number -> value (binary as uppercase hex). */
export interface Iso8583Message {
  mti: string;
  fields: Record<number, string>;
}
