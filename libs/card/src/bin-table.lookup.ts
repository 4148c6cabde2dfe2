import { assertBinRange, BinRange } from './bin-range.model';
import { CardDataError } from './card-data.error';
import { DetectedScheme } from './card-scheme.model';
import { DEFAULT_BIN_RANGES } from './default-bin-ranges.table';

interface CompiledRange {
  readonly range: BinRange;
  readonly length: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Scheme lookup by BIN/IIN ranges given as data. The most specific (longest) prefix wins; among
 * equally long prefixes, the range listed first wins, so configured ranges placed before the
 * defaults override them.
 */
export class BinTable {
  private readonly compiled: readonly CompiledRange[];

  constructor(ranges: readonly BinRange[]) {
    this.compiled = ranges
      .map((range, index) => {
        assertBinRange(range, `binRanges[${index}]`);
        const to = range.to ?? range.from;
        return { range, length: range.from.length, low: Number(range.from), high: Number(to), index };
      })
      .sort((a, b) => b.length - a.length || a.index - b.index);
  }

  /** The public scheme ranges plus `extra` (closed-loop fleet/gift cards), `extra` taking precedence. */
  static withDefaults(extra: readonly BinRange[] = []): BinTable {
    return new BinTable([...extra, ...DEFAULT_BIN_RANGES]);
  }

  /** The range that decides the scheme of `pan` (a full PAN or at least its BIN digits). */
  match(pan: string): BinRange | undefined {
    if (!/^[0-9]+$/.test(pan)) {
      throw new CardDataError('pan', 'must contain digits 0-9 only');
    }
    for (const candidate of this.compiled) {
      if (pan.length < candidate.length) continue;
      const prefix = Number(pan.slice(0, candidate.length));
      if (prefix >= candidate.low && prefix <= candidate.high) {
        return candidate.range;
      }
    }
    return undefined;
  }

  detect(pan: string): DetectedScheme {
    return this.match(pan)?.scheme ?? 'unknown';
  }
}

const DEFAULT_TABLE = BinTable.withDefaults();

/** Scheme of `pan` by the public ranges; pass a table built with BinTable.withDefaults for fleet/gift. */
export function detectScheme(pan: string, table: BinTable = DEFAULT_TABLE): DetectedScheme {
  return table.detect(pan);
}
