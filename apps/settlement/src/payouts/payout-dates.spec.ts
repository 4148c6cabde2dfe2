import { businessDaysAfter, isLate, requestedExecutionDateOf } from './payout-dates';

describe(requestedExecutionDateOf.name, () => {
  it.each([
    ['2026-12-02T00:05:00Z', '2026-12-02'], // Wednesday
    ['2026-12-05T10:00:00Z', '2026-12-07'], // Saturday -> Monday
    ['2026-12-06T23:59:00Z', '2026-12-07'], // Sunday -> Monday
  ])('a file made at %s asks for %s', (now, day) => {
    expect(requestedExecutionDateOf(new Date(now))).toBe(day);
  });
});

describe(isLate.name, () => {
  it('counts two business days after the execution date, skipping the weekend', () => {
    expect(businessDaysAfter('2026-12-04', 2)).toBe('2026-12-08');
    expect(isLate({ status: 'sent', requestedExecutionDate: '2026-12-04' }, new Date('2026-12-08T23:00:00Z'))).toBe(false);
    expect(isLate({ status: 'sent', requestedExecutionDate: '2026-12-04' }, new Date('2026-12-09T00:00:00Z'))).toBe(true);
  });

  it('is never late once paid or when held', () => {
    const long = new Date('2027-01-31T00:00:00Z');
    expect(isLate({ status: 'paid', requestedExecutionDate: '2026-12-04' }, long)).toBe(false);
    expect(isLate({ status: 'held', requestedExecutionDate: null }, long)).toBe(false);
    expect(isLate({ status: 'pending', requestedExecutionDate: '2026-12-04' }, long)).toBe(true);
  });
});
