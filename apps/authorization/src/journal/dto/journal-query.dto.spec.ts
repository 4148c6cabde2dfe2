import { refusalOf } from '@payments/runtime';

import { JournalQueryDto } from './journal-query.dto';

const messagesOf = async (query: Record<string, unknown>) => (await refusalOf(JournalQueryDto, query, 'query'))?.message;

describe(JournalQueryDto.name, () => {
  it('takes real days and instants', async () => {
    await expect(messagesOf({ businessDay: '2024-02-29', from: '2026-11-30', to: '2026-12-01T00:00:00Z' })).resolves.toBeUndefined();
  });

  it.each(['2026-13-45', '2026-12-32', '0000-00-00', '2026-02-30'])('refuses businessDay=%s with a 400 naming the parameter', async (businessDay) => {
    await expect(messagesOf({ businessDay })).resolves.toEqual(['businessDay: businessDay must be a calendar date YYYY-MM-DD that exists']);
  });

  it.each(['2026-13-45', '2026-02-30T10:00:00Z', '20261201', '0000-00-00'])('refuses from and to = %s, naming each', async (date) => {
    await expect(messagesOf({ from: date, to: date })).resolves.toEqual([
      'from: from must be an ISO 8601 date or date-time that exists, such as 2026-11-30 or 2026-11-30T12:00:00Z',
      'to: to must be an ISO 8601 date or date-time that exists, such as 2026-11-30 or 2026-11-30T12:00:00Z',
    ]);
  });

  it('refuses a parameter given twice', async () => {
    await expect(messagesOf({ businessDay: ['2026-11-30', '2026-12-01'] })).resolves.toHaveLength(1);
  });
});
