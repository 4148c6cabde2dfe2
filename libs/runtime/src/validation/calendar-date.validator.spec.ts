import { isCalendarDate, isIsoInstant } from './calendar-date.validator';

describe('calendar dates', () => {
  it.each(['2026-11-30', '2024-02-29', '2026-12-31', '0001-01-01'])('takes %s, a day that exists', (day) => {
    expect(isCalendarDate(day)).toBe(true);
  });

  it.each(['2026-13-45', '2026-12-32', '0000-00-00', '2026-02-30', '2026-02-29', '2026-11-30T00:00:00Z', '2026-1-1', '', 20261130, ['2026-11-30']])(
    'refuses %j',
    (day) => {
      expect(isCalendarDate(day)).toBe(false);
    },
  );
});

describe('ISO 8601 instants', () => {
  it.each(['2026-11-30', '2026-11-30T12:00:00Z', '2026-11-30T12:00:00.123+01:00', '2024-02-29T23:59:59Z'])('takes %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each(['2026-13-45', '2026-02-30', '2026-02-29T00:00:00Z', '0000-01-01', '20261201', '2026-11-30 12:00', 'yesterday', 1_764_460_800_000])(
    'refuses %j, which would reach the database as an invalid date',
    (value) => {
      expect(isIsoInstant(value)).toBe(false);
    },
  );
});
