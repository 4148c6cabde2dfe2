import { refusalOf } from '@payments/runtime';

import { BatchesQueryDto } from './batches-query.dto';
import { CloseDayParamsDto } from './close-day-params.dto';

const paramsRefusal = async (params: Record<string, unknown>) => (await refusalOf(CloseDayParamsDto, params, 'query'))?.message;
const queryRefusal = async (query: Record<string, unknown>) => (await refusalOf(BatchesQueryDto, query, 'query'))?.message;

describe(CloseDayParamsDto.name, () => {
  it('takes an acquirer and a day that exists', async () => {
    await expect(paramsRefusal({ acquirerId: 'acq-cz.1', businessDay: '2024-02-29' })).resolves.toBeUndefined();
  });

  it.each(['2026-02-30', '2026-13-01', '1.12.2026'])('refuses businessDay=%s, naming it', async (businessDay) => {
    await expect(paramsRefusal({ acquirerId: 'default', businessDay })).resolves.toEqual([
      'businessDay: businessDay must be a calendar date YYYY-MM-DD that exists',
    ]);
  });

  it('refuses an acquirer id with spaces or slashes, naming it', async () => {
    await expect(paramsRefusal({ acquirerId: 'acq cz', businessDay: '2026-12-01' })).resolves.toEqual([
      'acquirerId: acquirerId must be 1-64 letters, digits, dots, dashes or underscores',
    ]);
  });
});

describe(BatchesQueryDto.name, () => {
  it('takes no filter at all', async () => {
    await expect(queryRefusal({})).resolves.toBeUndefined();
  });

  it('refuses a day that does not exist and a limit out of range, naming each', async () => {
    await expect(queryRefusal({ businessDay: '2026-02-30', limit: '0' })).resolves.toEqual([
      'businessDay: businessDay must be a calendar date YYYY-MM-DD that exists',
      'limit: limit must be at least 1',
    ]);
  });
});
