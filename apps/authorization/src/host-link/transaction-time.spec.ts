import { instantOfTransmission, isTimeZone, LocalTransactionClock, transmissionDateTime } from './transaction-time';

describe(LocalTransactionClock.name, () => {
  const fieldsAt = (zone: string, iso: string) => new LocalTransactionClock(zone).fields(new Date(iso));

  it('gives DE 12 hhmmss and DE 13 MMDD of the instant in the zone', () => {
    expect(fieldsAt('UTC', '2026-11-22T05:47:30Z')).toEqual({ 12: '054730', 13: '1122' });
  });

  it("puts a purchase at 00:30 in Bishkek on the terminal's date, the day after DE 7's", () => {
    const at = new Date('2026-11-21T18:30:05Z'); // 00:30:05 on 22 November in Bishkek (UTC+6)

    expect(transmissionDateTime(at)).toBe('1121183005');
    expect(new LocalTransactionClock('Asia/Bishkek').fields(at)).toEqual({ 12: '003005', 13: '1122' });
  });

  it('goes back a day, and a year, west of Greenwich just after midnight UTC', () => {
    expect(fieldsAt('America/New_York', '2027-01-01T00:15:00Z')).toEqual({ 12: '191500', 13: '1231' });
  });

  it('writes midnight as 000000, never 240000', () => {
    expect(fieldsAt('Europe/Berlin', '2026-11-21T23:00:00Z')).toEqual({ 12: '000000', 13: '1122' });
  });

  it('follows the change to and from summer time (Europe/Berlin, 29 March and 25 October 2026)', () => {
    expect(fieldsAt('Europe/Berlin', '2026-03-29T00:59:59Z')).toEqual({ 12: '015959', 13: '0329' }); // CET, UTC+1
    expect(fieldsAt('Europe/Berlin', '2026-03-29T01:00:00Z')).toEqual({ 12: '030000', 13: '0329' }); // CEST: 02:00 never happens
    expect(fieldsAt('Europe/Berlin', '2026-10-25T00:30:00Z')).toEqual({ 12: '023000', 13: '1025' }); // CEST
    expect(fieldsAt('Europe/Berlin', '2026-10-25T01:30:00Z')).toEqual({ 12: '023000', 13: '1025' }); // CET: 02:30 again
  });

  it('refuses a zone that is not an IANA name, naming it', () => {
    expect(() => new LocalTransactionClock('CEST+1')).toThrow('unknown time zone "CEST+1"');
    expect([isTimeZone('Europe/Berlin'), isTimeZone('Asia/Bishkek'), isTimeZone('UTC'), isTimeZone('Europe/Bishkek'), isTimeZone('')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe(instantOfTransmission.name, () => {
  it('reads DE 7 back to the instant it was made from', () => {
    const at = new Date('2026-11-22T05:47:30Z');

    expect(instantOfTransmission(transmissionDateTime(at), new Date('2026-11-22T05:47:31Z'))).toEqual(at);
  });

  it('keeps the old year for a request made just before New Year and sent just after', () => {
    expect(instantOfTransmission('1231235959', new Date('2027-01-01T00:00:01Z'))).toEqual(new Date('2026-12-31T23:59:59Z'));
    expect(instantOfTransmission('0101000001', new Date('2026-12-31T23:59:59Z'))).toEqual(new Date('2027-01-01T00:00:01Z'));
  });

  it('finds no instant in a field that is not a date and time', () => {
    const now = new Date('2026-11-22T05:47:30Z');

    expect([instantOfTransmission('1322054730', now), instantOfTransmission('0230120000', now), instantOfTransmission('1122246000', now)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(instantOfTransmission('11220547', now)).toBeUndefined();
  });
});
