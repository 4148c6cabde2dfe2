import { businessDayParts, DatePattern, timestampParts } from '../field/date-pattern.codec';
import { FieldValueError } from '../field/field-value.error';
import { integerValue } from '../field/minor-units.value';
import type { FileContext } from './file-context.model';

type NamePart = { literal: string } | { date: 'businessDay' | 'createdAt'; pattern: DatePattern } | { sequence: number } | { key: string };

const TOKEN = /\{([^{}]*)\}/g;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A file name from data: `ACQ_{acquirerId}_{businessDay:yyyyMMdd}_{sequence:4}.csv`. Tokens:
 * {businessDay:PATTERN}, {createdAt:PATTERN}, {sequence} or {sequence:N} (zero-padded to N), and
 * {KEY} from the context's values. The result must be a plain file name (letters, digits, . _ -).
 */
export class FileNamePattern {
  private readonly parts: readonly NamePart[];

  /** Throws an Error saying what is wrong with the pattern. */
  constructor(readonly pattern: string) {
    const parts: NamePart[] = [];
    let last = 0;
    for (const match of pattern.matchAll(TOKEN)) {
      if (match.index > last) parts.push({ literal: pattern.slice(last, match.index) });
      parts.push(namePart(match[1]));
      last = match.index + match[0].length;
    }
    if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
    if (parts.some((p) => 'literal' in p && /[{}]/.test(p.literal))) throw new Error('an unmatched { or }');
    this.parts = parts;
  }

  /** The file name for this context; throws a FieldValueError when it would not be a plain file name. */
  nameFor(context: FileContext): string {
    let name = '';
    for (const part of this.parts) {
      if ('literal' in part) name += part.literal;
      else if ('date' in part)
        name += part.pattern.format(part.date === 'businessDay' ? businessDayParts(context.businessDay) : timestampParts(context.createdAt));
      else if ('sequence' in part) name += integerValue(context.sequence).toString().padStart(part.sequence, '0');
      else {
        const value = context.values?.[part.key];
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint')
          throw new FieldValueError(`file name needs the value ${part.key}`);
        name += String(value);
      }
    }
    if (!SAFE_NAME.test(name)) throw new FieldValueError(`file name from ${this.pattern} is not a plain file name (letters, digits, . _ -)`);
    return name;
  }
}

function namePart(token: string): NamePart {
  const [head, argument] = token.split(/:(.*)/s, 2);
  if (head === 'businessDay' || head === 'createdAt') {
    if (!argument) throw new Error(`{${head}} needs a date pattern, e.g. {${head}:yyyyMMdd}`);
    return { date: head, pattern: new DatePattern(argument) };
  }
  if (head === 'sequence') {
    const width = argument === undefined ? 1 : Number(argument);
    if (!Number.isInteger(width) || width < 1 || width > 20) throw new Error('{sequence:N} needs a width of 1-20');
    return { sequence: width };
  }
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(token)) throw new Error(`{${token}} is not a token nor a value key`);
  return { key: token };
}
