/**
 * The date and time fields of ISO 8583:1987: DE 7 (transmission date and time, MMDDhhmmss) is in
 * UTC (GMT), DE 12 (hhmmss) and DE 13 (MMDD) are the local time and date of the transaction where
 * the card acceptor is, so a receipt printed in Bishkek at 00:30 says the same day the host sees.
 */
const two = (n: number): string => String(n).padStart(2, '0');

/** DE 7, transmission date and time in UTC: MMDDhhmmss. */
export function transmissionDateTime(at: Date): string {
  return `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
}

const FIELD7 = /^([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/;
const YEAR_MS = 365.25 * 86_400_000;

/**
 * The instant a DE 7 names. It carries no year: the year that puts it nearest to `now` is taken,
 * so a request built at 23:59:59 on 31 December and sent after midnight stays in the old year.
 * Undefined when the field is not a valid date and time.
 */
export function instantOfTransmission(field7: string, now: Date): Date | undefined {
  const match = FIELD7.exec(field7);
  if (!match) return undefined;
  const [month, day, hour, minute, second] = match.slice(1).map(Number);
  let best: Date | undefined;
  for (const year of [now.getUTCFullYear() - 1, now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Date.UTC rolls 30 February over into March: such a field names no instant in that year.
    if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) continue;
    if (!best || Math.abs(at.getTime() - now.getTime()) < Math.abs(best.getTime() - now.getTime())) best = at;
  }
  return best && Math.abs(best.getTime() - now.getTime()) < YEAR_MS / 2 ? best : undefined;
}

/** Whether `name` is an IANA time zone this runtime knows (Europe/Berlin, Asia/Bishkek, UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** DE 12 (hhmmss) and DE 13 (MMDD) of one instant in one IANA time zone, daylight saving included. */
export class LocalTransactionClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}": expected an IANA name such as Europe/Berlin or UTC`);
    // One formatter per zone: building one costs far more than using it.
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  fields(at: Date): { 12: string; 13: string } {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of this.format.formatToParts(at)) part[type] = value;
    return { 12: `${part.hour}${part.minute}${part.second}`, 13: `${part.month}${part.day}` };
  }
}
