import { findCurrencyByAlpha, findCurrencyByNumeric } from '@payments/money';

import type { FieldDefinition, FieldSource, FieldType } from '../schema/layout-definition.schema';
import { type AmountStyle, formatAmount, parseAmount } from './amount.codec';
import { businessDayParts, businessDayText, DatePattern, timestampOf, timestampParts } from './date-pattern.codec';
import { FieldValueError } from './field-value.error';
import { integerValue } from './minor-units.value';
import { assertNoFullPan } from './pan-guard.check';
import { assertWritableText, type LayoutEncoding } from './text.check';

/** A field's value as read back: text, a date (`YYYY-MM-DD` text), an integer or amount (bigint), a timestamp (Date). */
export type FieldValue = string | bigint | Date;

/** The value of another field of the same record (by field name): its given value when writing, its read value when reading. */
export type SiblingLookup = (fieldName: string) => unknown;

/** A field ready to write and read: the type's text, padded to the width, and back. */
export interface FieldCodec {
  readonly definition: FieldDefinition;
  readonly name: string;
  readonly key: string;
  readonly source: FieldSource;
  readonly type: FieldType;
  readonly width: number | undefined;
  readonly constant: string | undefined;
  write(value: unknown, sibling: SiblingLookup): string;
  read(text: string, sibling: SiblingLookup): FieldValue;
}

const MASKED_PAN = /^[0-9]{6}\*{3,9}[0-9]{4}$/;
const CHARSETS = { digits: /^[0-9]*$/, alphanumeric: /^[A-Za-z0-9]*$/, printable: /^/ } as const;

interface TypeCodec {
  /** The value as text before padding; `sign` is kept apart so that zero padding goes after it. */
  write(value: unknown, sibling: SiblingLookup): { sign?: string; text: string };
  read(text: string, sibling: SiblingLookup): FieldValue;
}

/** Compiles a field already checked by the loader (types and sources agree). Throws a plain Error naming the bad key. */
export function compileField(def: FieldDefinition, encoding: LayoutEncoding): FieldCodec {
  const codec = typeCodec(def, encoding);
  const numeric = def.type === 'integer' || def.type === 'amount';
  const align = def.align ?? (numeric ? 'right' : 'left');
  const pad = def.pad ?? (numeric && def.width !== undefined ? '0' : undefined);
  const width = def.width ?? patternWidth(def);
  return {
    definition: def,
    name: def.name,
    key: def.key ?? def.name,
    source: def.source,
    type: def.type,
    width,
    constant: def.source === 'constant' ? def.value : undefined,
    write(value, sibling) {
      const { sign = '', text } = codec.write(value, sibling);
      if (width === undefined) return align === 'right' ? sign + text : text + sign;
      const length = sign.length + text.length;
      if (length > width) throw new FieldValueError(`${length} characters do not fit in its width of ${width}`);
      if (length < width && pad === undefined)
        throw new FieldValueError(`must be exactly ${width} characters, has ${length} (the layout gives no pad character)`);
      if (pad !== undefined && !numeric && text.length > 0 && (align === 'left' ? text.endsWith(pad) : text.startsWith(pad))) {
        throw new FieldValueError(`${align === 'left' ? 'ends' : 'starts'} with the pad character, so it would not read back the same`);
      }
      const fill = pad?.repeat(width - length) ?? '';
      if (def.sign === 'trailing') return align === 'right' ? fill + text + sign : text + sign + fill;
      return align === 'right' ? (pad === '0' ? sign + fill + text : fill + sign + text) : sign + text + fill;
    },
    read(text, sibling) {
      if (width !== undefined && text.length !== width) throw new FieldValueError(`is ${text.length} characters, the layout says ${width}`);
      // Zero padding needs no taking off: digits with leading zeros read as the same number.
      const body = pad === undefined || (numeric && pad === '0') ? text : align === 'left' ? trimEnd(text, pad) : trimStart(text, pad);
      return codec.read(body, sibling);
    },
  };
}

function patternWidth(def: FieldDefinition): number | undefined {
  return def.pattern !== undefined && (def.type === 'date' || def.type === 'timestamp') ? def.pattern.length : undefined;
}

function trimEnd(text: string, pad: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === pad) end -= 1;
  return text.slice(0, end);
}

function trimStart(text: string, pad: string): string {
  let start = 0;
  while (start < text.length && text[start] === pad) start += 1;
  return text.slice(start);
}

function typeCodec(def: FieldDefinition, encoding: LayoutEncoding): TypeCodec {
  switch (def.type) {
    case 'text':
      // A checksum is the writer's own hex, not card data (a SHA-256 holds a Luhn-valid run now and then).
      return textCodec(CHARSETS[def.charset ?? 'printable'], encoding, def.source !== 'checksum');
    case 'masked-pan':
      return {
        write(value) {
          if (typeof value !== 'string' || !MASKED_PAN.test(value)) throw new FieldValueError('must be a masked PAN: first 6 digits, 3-9 *, last 4 digits');
          return { text: value };
        },
        read: (text) => (MASKED_PAN.test(text) ? text : fail('is not a masked PAN (first 6, *, last 4)')),
      };
    case 'integer':
      return {
        write(value) {
          const n = integerValue(value);
          if (n < 0n) throw new FieldValueError('must not be negative');
          return { text: n.toString() };
        },
        read: (text) => (/^[0-9]+$/.test(text) ? BigInt(text) : fail('is not an integer in digits')),
      };
    case 'amount':
      return {
        write: (value, sibling) => {
          const { sign, digits } = formatAmount(integerValue(value), amountStyle(def, sibling));
          return { sign, text: digits };
        },
        read: (text, sibling) => parseAmount(text, amountStyle(def, sibling)),
      };
    case 'date':
      return datePatternCodec(new DatePattern(def.pattern ?? 'yyyy-MM-dd'), false);
    case 'timestamp':
      return datePatternCodec(new DatePattern(def.pattern ?? 'yyyy-MM-ddTHH:mm:ssZ'), true);
  }
}

function textCodec(charset: RegExp, encoding: LayoutEncoding, guardPan: boolean): TypeCodec {
  return {
    write(value) {
      if (typeof value !== 'string') throw new FieldValueError('must be text');
      if (!charset.test(value)) throw new FieldValueError(`must hold only ${charset === CHARSETS.digits ? 'digits' : 'letters and digits'}`);
      assertWritableText(value, encoding);
      if (guardPan) assertNoFullPan(value);
      return { text: value };
    },
    read(text) {
      if (!charset.test(text)) throw new FieldValueError(`holds more than ${charset === CHARSETS.digits ? 'digits' : 'letters and digits'}`);
      // An acquirer's report with a full PAN in it is refused too, before any of it is stored.
      if (guardPan) assertNoFullPan(text);
      return text;
    },
  };
}

function datePatternCodec(pattern: DatePattern, timestamp: boolean): TypeCodec {
  return {
    write: (value) => ({ text: pattern.format(timestamp || value instanceof Date ? timestampParts(value) : businessDayParts(value)) }),
    read: (text) => (timestamp ? timestampOf(pattern.parse(text)) : businessDayText(pattern.parse(text))),
  };
}

function amountStyle(def: FieldDefinition, sibling: SiblingLookup): AmountStyle {
  const sign = def.sign ?? 'minus';
  if (!def.decimalPoint) return { sign, exponent: undefined };
  if (def.exponentFrom === undefined) return { sign, exponent: def.exponent ?? 0 };
  const code = sibling(def.exponentFrom);
  const currency = typeof code === 'string' ? (findCurrencyByNumeric(code) ?? findCurrencyByAlpha(code)) : undefined;
  if (!currency) throw new FieldValueError(`its exponent comes from field ${def.exponentFrom}, which holds no known ISO 4217 code`);
  return { sign, exponent: currency.minorUnits };
}

function fail(problem: string): never {
  throw new FieldValueError(problem);
}
