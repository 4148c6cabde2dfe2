import { FieldValueError } from './field-value.error';

const TOKENS = ['yyyy', 'MM', 'dd', 'HH', 'mm', 'ss'] as const;
type Token = (typeof TOKENS)[number];
type Part = { token: Token } | { literal: string };

/** The parts of a date: what a pattern writes and reads. Always UTC. */
export interface DateParts {
  yyyy: number;
  MM: number;
  dd: number;
  HH: number;
  mm: number;
  ss: number;
}

/**
 * A date pattern such as `yyyyMMdd` or `yyyy-MM-ddTHH:mm:ssZ`: the tokens yyyy, MM, dd, HH, mm and
 * ss, anything else written as it stands. Letters outside a token are refused but for the ISO
 * 8601 T and Z (a typo like `yyyyMMDD` must not become a literal).
 */
export class DatePattern {
  private readonly parts: readonly Part[];
  private readonly reader: RegExp;
  readonly length: number;

  constructor(readonly pattern: string) {
    const parts: Part[] = [];
    let source = '^';
    for (let i = 0; i < pattern.length;) {
      const token = TOKENS.find((t) => pattern.startsWith(t, i));
      if (token) {
        parts.push({ token });
        source += `(\\d{${token.length}})`;
        i += token.length;
      } else if (/[A-SU-Ya-z]/.test(pattern[i])) {
        throw new Error(`"${pattern[i]}" at position ${i + 1} is not part of a token (yyyy, MM, dd, HH, mm, ss; T and Z may stand alone)`);
      } else {
        parts.push({ literal: pattern[i] });
        source += pattern[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        i += 1;
      }
    }
    this.parts = parts;
    this.reader = new RegExp(`${source}$`);
    this.length = pattern.length;
  }

  get hasTime(): boolean {
    return this.parts.some((p) => 'token' in p && (p.token === 'HH' || p.token === 'mm' || p.token === 'ss'));
  }

  format(parts: DateParts): string {
    let text = '';
    for (const part of this.parts) text += 'token' in part ? String(parts[part.token]).padStart(part.token.length, '0') : part.literal;
    return text;
  }

  /** Reads text written with this pattern; tokens the pattern lacks are 1 (month, day) or 0. */
  parse(text: string): DateParts {
    const match = this.reader.exec(text);
    if (!match) throw new FieldValueError(`does not match the date pattern ${this.pattern}`);
    const parts: DateParts = { yyyy: 1970, MM: 1, dd: 1, HH: 0, mm: 0, ss: 0 };
    let group = 1;
    for (const part of this.parts) if ('token' in part) parts[part.token] = Number(match[group++]);
    const probe = new Date(Date.UTC(parts.yyyy, parts.MM - 1, parts.dd, parts.HH, parts.mm, parts.ss));
    if (probe.getUTCMonth() !== parts.MM - 1 || probe.getUTCDate() !== parts.dd || parts.HH > 23 || parts.mm > 59 || parts.ss > 59) {
      throw new FieldValueError(`is not a real date and time (pattern ${this.pattern})`);
    }
    return parts;
  }
}

const BUSINESS_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A business day as the caller gives it: `YYYY-MM-DD`, a real calendar date. */
export function businessDayParts(value: unknown): DateParts {
  const match = typeof value === 'string' ? BUSINESS_DAY.exec(value) : null;
  if (!match) throw new FieldValueError('must be a date as YYYY-MM-DD');
  const parts = { yyyy: Number(match[1]), MM: Number(match[2]), dd: Number(match[3]), HH: 0, mm: 0, ss: 0 };
  const probe = new Date(Date.UTC(parts.yyyy, parts.MM - 1, parts.dd));
  if (probe.getUTCMonth() !== parts.MM - 1 || probe.getUTCDate() !== parts.dd) throw new FieldValueError('is not a real calendar date');
  return parts;
}

export function businessDayText(parts: DateParts): string {
  return `${String(parts.yyyy).padStart(4, '0')}-${String(parts.MM).padStart(2, '0')}-${String(parts.dd).padStart(2, '0')}`;
}

/** A moment as the caller gives it (a Date, or an ISO 8601 string with its offset), in UTC. */
export function timestampParts(value: unknown): DateParts {
  const date = value instanceof Date ? value : typeof value === 'string' && /[Zz]|[+-]\d{2}:?\d{2}$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new FieldValueError('must be a Date or an ISO 8601 timestamp with its offset');
  const yyyy = date.getUTCFullYear();
  if (yyyy < 1 || yyyy > 9999) throw new FieldValueError('year out of 0001-9999');
  return { yyyy, MM: date.getUTCMonth() + 1, dd: date.getUTCDate(), HH: date.getUTCHours(), mm: date.getUTCMinutes(), ss: date.getUTCSeconds() };
}

export function timestampOf(parts: DateParts): Date {
  const date = new Date(Date.UTC(parts.yyyy, parts.MM - 1, parts.dd, parts.HH, parts.mm, parts.ss));
  date.setUTCFullYear(parts.yyyy);
  return date;
}
