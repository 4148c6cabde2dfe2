import { refusalOf } from '@payments/runtime';

import { TotalsQueryDto } from './totals-query.dto';

const messagesOf = async (query: Record<string, unknown>) => (await refusalOf(TotalsQueryDto, query, 'query'))?.message;

describe(TotalsQueryDto.name, () => {
  it('takes a business day that exists, with or without a terminal', async () => {
    await expect(messagesOf({ businessDay: '2024-02-29', terminalId: 'DEMO0001' })).resolves.toBeUndefined();
  });

  it('requires the business day', async () => {
    await expect(messagesOf({})).resolves.toEqual(['businessDay: businessDay is required (a calendar date YYYY-MM-DD)']);
  });

  it.each(['2026-02-30', '2026-13-45', '0000-00-00', '30.11.2026'])('refuses businessDay=%s, naming it', async (businessDay) => {
    await expect(messagesOf({ businessDay })).resolves.toEqual(['businessDay: businessDay must be a calendar date YYYY-MM-DD that exists']);
  });
});
