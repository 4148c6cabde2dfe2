import { loadSettlementEnv } from '../config/settlement-env';
import { BusinessDayCalendar } from './business-day.calendar';

const calendarOf = (env: NodeJS.ProcessEnv) => BusinessDayCalendar.of(loadSettlementEnv(env));

describe(BusinessDayCalendar.name, () => {
  it("gives each configured acquirer its own cut-off and every other one the default's", () => {
    const sut = calendarOf({ SETTLEMENT_CUT_OFFS: '{"acq-cz": "23:00 Europe/Prague"}', SETTLEMENT_DEFAULT_CUT_OFF: '22:00 UTC' });

    expect(sut.cutOffOf('acq-cz')).toMatchObject({ timeZone: 'Europe/Prague', localTime: '23:00' });
    expect(sut.cutOffOf('acq-other')).toMatchObject({ timeZone: 'UTC', localTime: '22:00' });
    expect([sut.isConfigured('acq-cz'), sut.isConfigured('default'), sut.isConfigured('acq-other')]).toEqual([true, true, false]);
  });

  it('defaults to the calendar day in UTC for the acquirer "default"', () => {
    const sut = calendarOf({});

    expect(sut.defaultAcquirer).toBe('default');
    expect(sut.cutOffOf('default').dayOf(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
  });

  it.each([
    [{ SETTLEMENT_CUT_OFFS: '{"acq-cz": "23:00"}' }, /SETTLEMENT_CUT_OFFS/],
    [{ SETTLEMENT_CUT_OFFS: 'not json' }, /SETTLEMENT_CUT_OFFS/],
    [{ SETTLEMENT_DEFAULT_CUT_OFF: 'midnight' }, /SETTLEMENT_DEFAULT_CUT_OFF/],
    [{ SETTLEMENT_DEFAULT_CUT_OFF: '23:00 Mars/Olympus' }, /SETTLEMENT_DEFAULT_CUT_OFF: unknown time zone "Mars\/Olympus"/],
    [{ SETTLEMENT_CUT_OFFS: '{"acq-cz": "23:00 Europe/Nowhere"}' }, /SETTLEMENT_CUT_OFFS of acquirer "acq-cz": unknown time zone "Europe\/Nowhere"/],
    [{ SETTLEMENT_CUT_OFFS: '{"acq-cz": "24:00 Europe/Prague"}' }, /SETTLEMENT_CUT_OFFS of acquirer "acq-cz": cut-off "24:00"/],
  ])('stops the boot on %j, naming what is wrong', (env, message) => {
    expect(() => calendarOf(env)).toThrow(message);
  });
});
