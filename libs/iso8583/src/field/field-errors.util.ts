import { Iso8583FormatError } from '../iso8583-format.error';
import { describeContentClass } from './char-class.table';
import type { CompiledField } from './compiled-field.util';

// Error texts name the field, offset and reason only, never the value: DE 2/35/45/52/55 are card data.

/** Encoding: the character at `position` of the value is outside the field's class. */
export function invalidCharacter(f: CompiledField, position: number, fieldOffset: number): Iso8583FormatError {
  return new Iso8583FormatError(f.number, fieldOffset, `character at position ${position} is not ${describeContentClass(f.contentClass)}`);
}

/** Decoding: the byte at `offset` is outside the field's class (and no leniency lets it through). */
export function invalidByte(f: CompiledField, offset: number): Iso8583FormatError {
  return new Iso8583FormatError(f.number, offset, `byte is not ${describeContentClass(f.contentClass)}`);
}
