/** DE 11 and the RRN sequence are 6 digits: 000001..999999 (000000 is never issued). */
export const MAX_STAN = 999_999;

/** DE 11 as sent: 6 digits, zero-padded. */
export function stanOf(value: number): string {
  return value.toString().padStart(6, '0');
}

/**
 * System trace audit number (ISO 8583 DE 11, n6): 000001..999999, then wraps to 000001.
 * 000000 is never issued (many hosts treat it as "absent"). Pass `start` to resume after a restart.
 */
export class StanSequence {
  private last: number;

  constructor(start = 1) {
    if (!Number.isInteger(start) || start < 1 || start > MAX_STAN) throw new RangeError('StanSequence start must be 1..999999');
    this.last = start - 1;
  }

  next(): string {
    this.last = this.last >= MAX_STAN ? 1 : this.last + 1;
    return stanOf(this.last);
  }
}

const MAX_SEQUENCE = 999_999;
const DAY_MS = 86_400_000;

/** The RRN (DE 37) layout YDDDHHNNNNNN for a sequence number 1..999999 at time `at` (UTC). */
export function rrnOf(at: Date, sequence: number): string {
  const year = at.getUTCFullYear();
  const dayOfYear = Math.floor((Date.UTC(year, at.getUTCMonth(), at.getUTCDate()) - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  const hour = at.getUTCHours().toString().padStart(2, '0');
  return `${year % 10}${dayOfYear.toString().padStart(3, '0')}${hour}${sequence.toString().padStart(6, '0')}`;
}

/**
 * Retrieval reference number (ISO 8583 DE 37, an12) in the common acquirer layout YDDDHHNNNNNN:
 * Y last digit of the year, DDD day of the year (Julian date, 001-366), HH hour, all in UTC (the
 * time the request is sent), then a 6-digit sequence 000001..999999 that wraps. Unique for ten
 * years per generator as long as fewer than a million RRNs are issued per hour.
 */
export class RrnGenerator {
  private sequence = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  next(at: Date = this.clock()): string {
    this.sequence = this.sequence >= MAX_SEQUENCE ? 1 : this.sequence + 1;
    return rrnOf(at, this.sequence);
  }
}
