import { refusalOf } from '@payments/runtime';

import { JournalFilesQueryDto } from './journal-files-query.dto';

const refusal = async (query: Record<string, unknown>) => (await refusalOf(JournalFilesQueryDto, query, 'query'))?.message;

describe(JournalFilesQueryDto.name, () => {
  it('takes no filter, or every filter at once', async () => {
    await expect(refusal({})).resolves.toBeUndefined();
    await expect(refusal({ businessDay: '2026-12-01', currency: 'EUR', status: 'failed', limit: '500' })).resolves.toBeUndefined();
  });

  it('refuses a day that does not exist, a currency not in capitals, an unknown status and a limit out of range, naming each', async () => {
    const message = await refusal({ businessDay: '2026-02-30', currency: 'eur', status: 'sent', limit: '0' });
    expect(message).toHaveLength(4);
    expect(message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^businessDay: /),
        'currency: currency must be an ISO 4217 code of three capital letters',
        'status: status must be one of pending, delivered, failed',
        'limit: limit must be at least 1',
      ]),
    );
  });
});
