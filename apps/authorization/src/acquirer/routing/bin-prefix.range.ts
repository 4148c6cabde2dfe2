/**
 * BIN ranges as written in the acquirer configuration: a prefix ("4", "639300") or an inclusive
 * range of prefixes of one length ("4000-4999", "220000-229999"). A PAN matches when its first
 * digits, as many as the range has, fall inside it.
 */
export interface BinPrefixRange {
  readonly from: string;
  readonly to: string;
}

const RANGE = /^([0-9]{1,11})(?:-([0-9]{1,11}))?$/;

/** The range `text` describes, or undefined when it is not one (ends of different lengths, from > to). */
export function parseBinPrefixRange(text: string): BinPrefixRange | undefined {
  const match = RANGE.exec(text);
  if (!match) return undefined;
  const from = match[1] ?? '';
  const to = match[2] ?? from;
  if (from.length !== to.length || Number(from) > Number(to)) return undefined;
  return { from, to };
}

export const BIN_RANGE_EXPECTED = 'expected a BIN prefix like "4" or a range like "4000-4999" (1-11 digits, both ends of one length, from <= to)';

/** Ranges compiled for lookups; `longestMatch` tells how specific the best matching range is. */
export class BinPrefixRangeSet {
  private readonly ranges: readonly { length: number; low: number; high: number }[];

  constructor(texts: readonly string[]) {
    this.ranges = texts.map((text) => {
      const range = parseBinPrefixRange(text);
      if (!range) throw new RangeError(`BIN range "${text}": ${BIN_RANGE_EXPECTED}`);
      return { length: range.from.length, low: Number(range.from), high: Number(range.to) };
    });
  }

  /** Digits of the most specific range containing `pan`, 0 when none does. */
  longestMatch(pan: string): number {
    let best = 0;
    for (const range of this.ranges) {
      if (range.length <= best || pan.length < range.length) continue;
      const prefix = Number(pan.slice(0, range.length));
      if (prefix >= range.low && prefix <= range.high) best = range.length;
    }
    return best;
  }

  matches(pan: string): boolean {
    return this.longestMatch(pan) > 0;
  }
}
