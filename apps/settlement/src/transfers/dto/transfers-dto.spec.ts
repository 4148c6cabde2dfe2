import { refusalOf } from '@payments/runtime';

import { ImportAcquirerTransferDto } from './import-acquirer-transfer.dto';
import { MerchantFundingQueryDto } from './merchant-funding-query.dto';

const refusal = async (dto: Parameters<typeof refusalOf>[0], value: Record<string, unknown>, type: 'body' | 'query' = 'body') =>
  (await refusalOf(dto, value, type))?.message;

describe(ImportAcquirerTransferDto.name, () => {
  it('takes an acquirer and the file as text', async () => {
    await expect(refusal(ImportAcquirerTransferDto, { acquirerId: 'acq-cz', content: 'H;acq-cz\r\n', fileName: 'TRF_1.csv' })).resolves.toBeUndefined();
  });

  it('refuses a bad acquirer, a missing file and a file name with a slash, naming each', async () => {
    await expect(refusal(ImportAcquirerTransferDto, { acquirerId: 'acq cz', fileName: '../x.csv' })).resolves.toEqual([
      'content: content must be the file as text',
      'acquirerId: acquirerId must be 1-64 letters, digits, dots, dashes or underscores',
      'fileName: fileName must be 1-128 letters, digits, dots, dashes or underscores',
    ]);
  });
});

describe(MerchantFundingQueryDto.name, () => {
  it('takes the four filters', async () => {
    await expect(
      refusal(MerchantFundingQueryDto, { acquirerId: 'acq-cz', businessDay: '2026-12-01', merchantId: 'SHOP1', status: 'late', limit: '10' }, 'query'),
    ).resolves.toBeUndefined();
  });

  it('refuses an unknown status, a day that does not exist and a limit too high, naming each', async () => {
    await expect(refusal(MerchantFundingQueryDto, { status: 'overdue', businessDay: '2026-02-30', limit: '5000' }, 'query')).resolves.toEqual([
      'status: status must be one of paid, short, late, pending',
      'limit: limit must be at most 1000',
      'businessDay: businessDay must be a calendar date YYYY-MM-DD that exists',
    ]);
  });
});
