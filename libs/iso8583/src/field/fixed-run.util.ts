import { XN_SIGN } from './char-class.table';
import type { CompiledField } from './compiled-field.util';
import type { ContentClass } from '../spec/iso8583-spec.types';

/**
 * Consecutive FIXED text fields of a bitmap (DE 3-25 of a purchase, DE 37-52...) are checked with
 * one pattern over their joined text instead of one per field: a pattern call costs about as much
 * as checking a short field, so a run of nine numerics costs one call instead of nine. A value
 * that does not fit (wrong length, a refused or lenient byte) sends the run back to the
 * field-by-field path, which names the exact field and offset or applies the leniency rule.
 */
export interface FixedRun {
  /** How many fields of the layout, from the one the run starts at. */
  readonly count: number;
  /** Wire characters per field (hex text: two per byte), and their sum. */
  readonly sizes: readonly number[];
  readonly size: number;
  /** Per field: class b, whose value is uppercased. */
  readonly hex: readonly boolean[];
  readonly pattern: RegExp;
}

const FRAGMENTS: Readonly<Record<ContentClass, string>> = {
  n: '[0-9]',
  a: '[A-Za-z ]',
  an: '[A-Za-z0-9 ]',
  ans: '[\\x20-\\x7e]',
  b: '[0-9A-Fa-f]',
  z: '[0-9=]',
  xn: '[0-9]',
};

function joinable(f: CompiledField): boolean {
  return f.prefixDigits === 0 && (f.encoding === 'ascii' || f.encoding === 'hex') && f.lenient === null;
}

/** Per field of a layout: the run that starts there (two fields or more), else null. */
export function fixedRuns(fields: readonly CompiledField[]): (FixedRun | null)[] {
  const runs: (FixedRun | null)[] = fields.map(() => null);
  for (let i = 0; i < fields.length;) {
    let end = i;
    while (end < fields.length && joinable(fields[end])) end++;
    if (end - i >= 2) runs[i] = runOf(fields.slice(i, end));
    i = Math.max(end, i + 1);
  }
  return runs;
}

function runOf(fields: readonly CompiledField[]): FixedRun {
  const sizes = fields.map((f) => (f.encoding === 'hex' ? 2 * f.maxLength : f.maxLength));
  // Adjacent fields of one class become one repetition ([0-9]{53} for DE 3-25 of a purchase).
  const parts: { fragment: string; count: number }[] = [];
  const add = (fragment: string, count: number): void => {
    const last = parts[parts.length - 1];
    if (last?.fragment === fragment) last.count += count;
    else if (count > 0) parts.push({ fragment, count });
  };
  fields.forEach((f, k) => {
    // x+n: the sign (C, D or a digit), then digits.
    if (f.contentClass === 'xn') add('[CD0-9]', 1);
    add(FRAGMENTS[f.contentClass], f.contentClass === 'xn' ? sizes[k] - 1 : sizes[k]);
  });
  const source = parts.map((p) => `${p.fragment}{${p.count}}`).join('');
  return {
    count: fields.length,
    sizes,
    size: sizes.reduce((a, b) => a + b, 0),
    hex: fields.map((f) => f.contentClass === 'b'),
    pattern: new RegExp(`^${source}$`),
  };
}

/**
 * Encoding: the run's values joined, when each is a string of exactly its wire length and every
 * character fits its class; else null and the caller encodes the fields one by one (padding,
 * exact errors). Checked per character: the joined text is not flat, and a pattern would first
 * copy it into a flat string.
 */
export function runText(run: FixedRun, fields: readonly CompiledField[], at: number, values: Readonly<Record<number, unknown>>): string | null {
  let text = '';
  for (let k = 0; k < run.count; k++) {
    const f = fields[at + k];
    const value = values[f.number];
    if (typeof value !== 'string' || value.length !== run.sizes[k]) return null;
    const chars = f.chars;
    for (let i = f.contentClass === 'xn' ? 1 : 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 0xff || chars[c] === 0) return null;
    }
    if (f.contentClass === 'xn' && XN_SIGN[value.charCodeAt(0)] !== 1) return null;
    text += run.hex[k] ? value.toUpperCase() : value;
  }
  return text;
}
