import { leniencyTable } from './leniency.table';
import type { ContentClass, FieldDefinition, Iso8583Spec, PrefixEncoding, ValueEncoding } from '../spec/iso8583-spec.types';
import { CHAR_PATTERNS, CHAR_TABLES, type CharTable } from './char-class.table';
import { prefixTexts } from './length-prefix.table';

/**
 * A field definition with the spec defaults resolved and its tables built once, so the hot path
 * does no lookups by name and no branching on strings it can avoid.
 */
export interface CompiledField {
  readonly number: number;
  readonly contentClass: ContentClass;
  readonly maxLength: number;
  /** 0 for FIXED, 2 for LLVAR, 3 for LLLVAR. */
  readonly prefixDigits: 0 | 2 | 3;
  readonly prefixEncoding: PrefixEncoding;
  /** Bytes the length prefix takes on the wire: ASCII one per digit; BCD and binary 1 (LL) or 2 (LLL). */
  readonly prefixBytes: number;
  readonly encoding: ValueEncoding;
  /** Fill side of a short FIXED value. */
  readonly padLeft: boolean;
  /** Fill of a short FIXED value ('0' for n and z, ' ' for text), or null where a short value is an error (b, x+n). */
  readonly fill: string | null;
  /** Side of the pad nibble of an odd BCD digit count. */
  readonly nibblePadLeft: boolean;
  /** The prefix as Latin-1 text per length in units, or null for FIXED. */
  readonly prefixText: readonly string[] | null;
  /** Characters the content class allows: the whole-value pattern, and the table per character (x+n: after the sign). */
  readonly pattern: RegExp;
  readonly chars: CharTable;
  /** The dialect's leniency for this field when decoding, or null when strict (see leniency.table.ts). */
  readonly lenient: Uint8Array | null;
}

const MAX_BY_PREFIX = { 0: Number.MAX_SAFE_INTEGER, 2: 99, 3: 999 } as const;

export function compileField(spec: Iso8583Spec, number: number, def: FieldDefinition): CompiledField {
  const prefixDigits = def.lengthType === 'FIXED' ? 0 : def.lengthType === 'LLVAR' ? 2 : 3;
  if (!Number.isInteger(def.maxLength) || def.maxLength < 1 || def.maxLength > MAX_BY_PREFIX[prefixDigits]) {
    throw new RangeError(`spec ${spec.name}: field ${number} has an invalid maxLength for ${def.lengthType}`);
  }
  const encoding = def.encoding ?? spec.encodings[def.contentClass];
  const binaryClass = def.contentClass === 'b';
  if (binaryClass !== (encoding === 'hex' || encoding === 'binary')) {
    throw new RangeError(`spec ${spec.name}: field ${number} combines content class ${def.contentClass} with encoding ${encoding}`);
  }
  const digitClass = def.contentClass === 'n' || def.contentClass === 'z' || def.contentClass === 'xn';
  if (encoding === 'bcd' && !digitClass) {
    throw new RangeError(`spec ${spec.name}: field ${number} combines content class ${def.contentClass} with encoding bcd (digits only)`);
  }
  let lenient: Uint8Array | null;
  try {
    lenient = leniencyTable(def.contentClass, encoding, def.lenient);
  } catch (error) {
    throw new RangeError(`spec ${spec.name}: field ${number}: ${(error as Error).message}`);
  }
  const prefixEncoding = def.prefixEncoding ?? spec.prefixEncoding;
  return {
    number,
    contentClass: def.contentClass,
    maxLength: def.maxLength,
    prefixDigits,
    prefixEncoding,
    prefixBytes: prefixDigits === 0 ? 0 : prefixEncoding === 'ascii' ? prefixDigits : prefixDigits === 2 ? 1 : 2,
    encoding,
    padLeft: def.pad ? def.pad === 'left' : digitClass,
    fill: binaryClass || def.contentClass === 'xn' ? null : def.contentClass === 'n' || def.contentClass === 'z' ? '0' : ' ',
    nibblePadLeft: (def.nibblePad ?? spec.nibblePad ?? 'left') === 'left',
    prefixText: prefixDigits === 0 ? null : prefixTexts(prefixEncoding, prefixDigits),
    pattern: CHAR_PATTERNS[def.contentClass],
    chars: CHAR_TABLES[def.contentClass],
    lenient,
  };
}
