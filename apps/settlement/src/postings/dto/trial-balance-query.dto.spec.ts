import { refusalOf } from '@payments/runtime';

import { TrialBalanceQueryDto } from './trial-balance-query.dto';

const refusal = async (query: Record<string, unknown>) => (await refusalOf(TrialBalanceQueryDto, query, 'query'))?.message;

describe(TrialBalanceQueryDto.name, () => {
  it('takes a range of days, with a currency and an acquirer or without', async () => {
    await expect(refusal({ from: '2026-12-01', to: '2026-12-31' })).resolves.toBeUndefined();
    await expect(refusal({ from: '2026-12-01', to: '2026-12-01', currency: 'EUR', acquirerId: 'acq-cz' })).resolves.toBeUndefined();
  });

  it('refuses a missing or impossible day and a lower-case currency, naming each field', async () => {
    await expect(refusal({ to: '2026-02-30', currency: 'eur' })).resolves.toEqual([
      'from: from is required (a calendar date YYYY-MM-DD)',
      'to: to must be a calendar date YYYY-MM-DD that exists',
      'currency: currency must be an ISO 4217 code such as EUR',
    ]);
  });
});
