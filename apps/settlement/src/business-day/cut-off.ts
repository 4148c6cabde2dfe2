/**
 * An acquirer's cut-off: business day D ends at the cut-off's local time on D, in the acquirer's
 * time zone ("23:00 Europe/Prague": what happens at 23:00 or later counts on the next day). A
 * cut-off of 00:00 ends D at the midnight that follows it, so D is the calendar day itself.
 * Offsets come from the runtime's IANA time zone data (Intl), so daylight saving is followed: on
 * the day clocks go forward a cut-off inside the skipped hour is moved forward by the gap (02:30
 * becomes 03:30, as Temporal's "compatible" choice); on the day they go back a cut-off inside the
 * repeated hour falls at its first occurrence.
 */
export class CutOff {
  readonly minutes: number;
  private readonly format: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string,
    readonly localTime: string,
  ) {
    const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(localTime);
    if (!match) throw new RangeError(`cut-off "${localTime}": expected a local time HH:MM, 00:00 to 23:59`);
    this.minutes = Number(match[1]) * 60 + Number(match[2]);
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}": expected an IANA name such as Europe/Prague or UTC`);
    }
  }

  /** The business day (YYYY-MM-DD) an instant belongs to. */
  dayOf(at: Date): string {
    const local = this.localDayOf(at);
    return at.getTime() < this.endOf(local).getTime() ? local : addDays(local, 1);
  }

  /** The first instant after business day `day` (YYYY-MM-DD). */
  endOf(day: string): Date {
    return this.instantOf(this.minutes === 0 ? addDays(day, 1) : day, this.minutes);
  }

  /** The calendar date of `at` on the wall clocks of the time zone. */
  private localDayOf(at: Date): string {
    return new Date(this.wallClockOf(at)).toISOString().slice(0, 10);
  }

  /** The wall-clock reading of `at` in the time zone, as milliseconds of a UTC date with the same reading. */
  private wallClockOf(at: Date): number {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of this.format.formatToParts(at)) part[type] = value;
    return Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  }

  /**
   * The instant the wall clocks of the zone read `minutes` after midnight of `day`. Of the offsets
   * in force a day before and a day after, the earliest instant that reads so; when none does (the
   * reading falls in the hour skipped going forward), the reading taken with the offset before
   * the gap, which lands as far after the gap as the reading was into it.
   */
  private instantOf(day: string, minutes: number): Date {
    const reading = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
    const offsets = [reading - 86_400_000, reading + 86_400_000].map((probe) => this.wallClockOf(new Date(probe)) - probe);
    const candidates = offsets.map((offset) => reading - offset).sort((a, b) => a - b);
    const exact = candidates.find((instant) => this.wallClockOf(new Date(instant)) === reading);
    return new Date(exact ?? reading - Math.min(...offsets));
  }
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
