import type { ContentClass, FieldDefinition, Iso8583Spec, PrefixEncoding, ValueEncoding } from '../spec/iso8583-spec.types';

/** A field definition with the spec defaults resolved once, so the hot path does no lookups. */
export interface CompiledField {
  readonly number: number;
  readonly contentClass: ContentClass;
  readonly maxLength: number;
  /** 0 for FIXED, 2 for LLVAR, 3 for LLLVAR. */
  readonly prefixDigits: 0 | 2 | 3;
  readonly prefixEncoding: PrefixEncoding;
  readonly encoding: ValueEncoding;
  /** Fill side of a short FIXED value. */
  readonly padLeft: boolean;
  /** Side of the pad nibble of an odd BCD digit count. */
  readonly nibblePadLeft: boolean;
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
  const numericPad = def.contentClass === 'n' || def.contentClass === 'z' || def.contentClass === 'xn';
  return {
    number,
    contentClass: def.contentClass,
    maxLength: def.maxLength,
    prefixDigits,
    prefixEncoding: def.prefixEncoding ?? spec.prefixEncoding,
    encoding,
    padLeft: def.pad ? def.pad === 'left' : numericPad,
    nibblePadLeft: (def.nibblePad ?? spec.nibblePad ?? 'left') === 'left',
  };
}
