import { addDays, CutOff } from './cut-off';

const at = (iso: string): Date => new Date(iso);

describe(CutOff.name, () => {
  describe('23:00 Europe/Prague', () => {
    const sut = new CutOff('Europe/Prague', '23:00');

    it('counts what happens before 23:00 local time on that day, and from 23:00 on the next', () => {
      // Winter: Prague is UTC+1, so 23:00 local is 22:00 UTC.
      expect(sut.dayOf(at('2026-12-01T21:59:59.999Z'))).toBe('2026-12-01');
      expect(sut.dayOf(at('2026-12-01T22:00:00.000Z'))).toBe('2026-12-02');
      expect(sut.endOf('2026-12-01').toISOString()).toBe('2026-12-01T22:00:00.000Z');
      // Summer: UTC+2, 23:00 local is 21:00 UTC.
      expect(sut.endOf('2026-07-15').toISOString()).toBe('2026-07-15T21:00:00.000Z');
      expect(sut.dayOf(at('2026-07-15T21:30:00Z'))).toBe('2026-07-16');
    });

    it('puts the late evening of New Year\u2019s Eve on 1 January', () => {
      expect(sut.dayOf(at('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
    });

    it('follows the clocks on the days daylight saving starts and ends (a 23-hour and a 25-hour business day)', () => {
      // 29 March 2026: 02:00 CET becomes 03:00 CEST. The day before ends at 22:00 UTC, this one at 21:00 UTC.
      const spring = sut.endOf('2026-03-29').getTime() - sut.endOf('2026-03-28').getTime();
      expect(sut.endOf('2026-03-29').toISOString()).toBe('2026-03-29T21:00:00.000Z');
      expect(spring).toBe(23 * 3_600_000);
      // 25 October 2026: 03:00 CEST becomes 02:00 CET.
      expect(sut.endOf('2026-10-25').toISOString()).toBe('2026-10-25T22:00:00.000Z');
      expect(sut.endOf('2026-10-25').getTime() - sut.endOf('2026-10-24').getTime()).toBe(25 * 3_600_000);
      expect(sut.dayOf(at('2026-10-25T21:59:00Z'))).toBe('2026-10-25');
      expect(sut.dayOf(at('2026-10-25T22:00:00Z'))).toBe('2026-10-26');
    });
  });

  describe('a cut-off inside the hour the clocks skip or repeat', () => {
    const sut = new CutOff('Europe/Prague', '02:30');

    it('moves a cut-off in the skipped hour forward by the gap: 02:30 is read as 03:30 summer time', () => {
      expect(sut.endOf('2026-03-29').toISOString()).toBe('2026-03-29T01:30:00.000Z');
      expect(sut.dayOf(at('2026-03-29T01:29:59Z'))).toBe('2026-03-29');
      expect(sut.dayOf(at('2026-03-29T01:30:00Z'))).toBe('2026-03-30');
    });

    it('takes the first 02:30 when the clocks go back', () => {
      expect(sut.endOf('2026-10-25').toISOString()).toBe('2026-10-25T00:30:00.000Z');
      // The second 02:30 (CET) is already on the next business day.
      expect(sut.dayOf(at('2026-10-25T01:30:00Z'))).toBe('2026-10-26');
    });
  });

  it('with 00:00 keeps the calendar day of the zone', () => {
    const utc = new CutOff('UTC', '00:00');
    expect(utc.dayOf(at('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    expect(utc.dayOf(at('2026-12-01T23:59:59.999Z'))).toBe('2026-12-01');
    expect(utc.endOf('2026-12-01').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    const newYork = new CutOff('America/New_York', '00:00');
    expect(newYork.dayOf(at('2026-12-02T04:59:59Z'))).toBe('2026-12-01');
    expect(newYork.endOf('2026-03-08').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('works east of UTC where the business day starts on the previous UTC date', () => {
    const bishkek = new CutOff('Asia/Bishkek', '00:00');
    expect(bishkek.dayOf(at('2026-11-30T18:30:00Z'))).toBe('2026-12-01');
  });

  it.each([
    ['Europe/Prague', '24:00', /cut-off "24:00"/],
    ['Europe/Prague', '9:00', /cut-off "9:00"/],
    ['Mars/Olympus', '23:00', /unknown time zone "Mars\/Olympus"/],
  ])('refuses %s %s, naming what is wrong', (zone, time, message) => {
    expect(() => new CutOff(zone, time)).toThrow(message);
  });
});

describe(addDays.name, () => {
  it('crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
