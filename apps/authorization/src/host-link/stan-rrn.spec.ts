import { RrnGenerator, StanSequence } from './stan-rrn';

describe(StanSequence.name, () => {
  it('counts 000001, 000002, ... as 6 digits', () => {
    const sut = new StanSequence();

    expect([sut.next(), sut.next(), sut.next()]).toEqual(['000001', '000002', '000003']);
  });

  it('wraps from 999999 to 000001, never issuing 000000', () => {
    const sut = new StanSequence(999_998);

    expect([sut.next(), sut.next(), sut.next()]).toEqual(['999998', '999999', '000001']);
  });

  it('rejects a start outside 1..999999', () => {
    expect(() => new StanSequence(0)).toThrow(RangeError);
    expect(() => new StanSequence(1_000_000)).toThrow(RangeError);
  });
});

describe(RrnGenerator.name, () => {
  it('lays out YDDDHH + a 6-digit sequence in UTC', () => {
    const sut = new RrnGenerator();
    const at = new Date('2026-11-22T05:47:30Z'); // day 326 of 2026

    expect([sut.next(at), sut.next(at)]).toEqual(['632605000001', '632605000002']);
  });

  it('counts 1 January as day 001 and 31 December of a leap year as day 366', () => {
    const sut = new RrnGenerator();

    expect(sut.next(new Date('2027-01-01T00:00:00Z')).slice(0, 6)).toBe('700100');
    expect(sut.next(new Date('2028-12-31T23:59:59Z')).slice(0, 6)).toBe('836623');
  });

  it('uses its clock when no time is given and always yields 12 digits', () => {
    const sut = new RrnGenerator(() => new Date('2026-02-03T10:00:00Z'));

    expect(sut.next()).toMatch(/^6034100{5}1$/);
  });
});
