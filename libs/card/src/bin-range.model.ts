import { CardDataError } from './card-data.error';
import { CardScheme, isCardScheme } from './card-scheme.model';

/**
 * An inclusive range of PAN prefixes of one length: `{ from: '2221', to: '2720' }` matches every
 * PAN whose first four digits are 2221..2720. `to` defaults to `from` (a single prefix).
 */
export interface BinRange {
  readonly scheme: CardScheme;
  readonly from: string;
  readonly to?: string;
}

/** Checks a range is well formed; `field` names it in the error (e.g. `binRanges[2]`). */
export function assertBinRange(range: BinRange, field: string): void {
  const to = range.to ?? range.from;
  if (!isCardScheme(range.scheme)) {
    throw new CardDataError(`${field}.scheme`, `unknown card scheme "${String(range.scheme)}"`);
  }
  if (!/^[0-9]{1,11}$/.test(range.from) || !/^[0-9]{1,11}$/.test(to)) {
    throw new CardDataError(field, 'from/to must be 1-11 digits');
  }
  if (range.from.length !== to.length) {
    throw new CardDataError(field, 'from and to must have the same number of digits');
  }
  if (Number(range.from) > Number(to)) {
    throw new CardDataError(field, 'from must not be greater than to');
  }
}

/**
 * Parses ranges written for configuration: `fleet:70001000-70001999,gift:639300`
 * (scheme:from[-to], comma separated). Used for closed-loop cards that no public table knows.
 */
export function parseBinRanges(spec: string, field = 'binRanges'): BinRange[] {
  return spec
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item, index) => {
      const match = /^([a-z]+):([0-9]+)(?:-([0-9]+))?$/.exec(item);
      if (!match) {
        throw new CardDataError(`${field}[${index}]`, `"${item}" is not scheme:from[-to]`);
      }
      const [, scheme = '', from = '', to] = match;
      const range = { scheme, from, to } as BinRange;
      assertBinRange(range, `${field}[${index}]`);
      return range;
    });
}
