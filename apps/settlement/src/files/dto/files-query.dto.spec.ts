import { refusalOf } from '@payments/runtime';

import { FilesQueryDto } from './files-query.dto';

const refusal = async (query: Record<string, unknown>) => (await refusalOf(FilesQueryDto, query, 'query'))?.message;

describe(FilesQueryDto.name, () => {
  it('takes no filter, or every filter at once', async () => {
    await expect(refusal({})).resolves.toBeUndefined();
    await expect(refusal({ acquirerId: 'acq-cz', businessDay: '2026-12-01', status: 'failed', limit: '500' })).resolves.toBeUndefined();
  });

  it('refuses an unknown status, a bad acquirer and a limit out of range, naming each', async () => {
    await expect(refusal({ status: 'sent', acquirerId: 'acq cz', limit: '501' })).resolves.toEqual([
      'status: status must be one of pending, delivered, failed',
      'acquirerId: acquirerId must be 1-64 letters, digits, dots, dashes or underscores',
      'limit: limit must be at most 500',
    ]);
  });
});
