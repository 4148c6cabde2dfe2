import { refusalOf } from '@payments/runtime';

import { BreaksQueryDto } from './breaks-query.dto';
import { ImportAcquirerReportDto } from './import-acquirer-report.dto';
import { ResolveBreakDto } from './resolve-break.dto';

const refusal = async (dto: Parameters<typeof refusalOf>[0], value: Record<string, unknown>, type: 'body' | 'query' = 'body') =>
  (await refusalOf(dto, value, type))?.message;

describe(ImportAcquirerReportDto.name, () => {
  it('takes an acquirer and the file as text', async () => {
    await expect(refusal(ImportAcquirerReportDto, { acquirerId: 'acq-cz', content: 'H;acq-cz\r\n', replace: true })).resolves.toBeUndefined();
  });

  it('refuses a missing file and a file name with a slash, naming each', async () => {
    await expect(refusal(ImportAcquirerReportDto, { acquirerId: 'acq-cz', fileName: '../x.csv' })).resolves.toEqual([
      'content: content must be the file as text',
      'fileName: fileName must be 1-128 letters, digits, dots, dashes or underscores',
    ]);
  });
});

describe(ResolveBreakDto.name, () => {
  it.each([{}, { reason: '   ' }])('refuses a resolution without a reason (%j), naming the field', async (body) => {
    await expect(refusal(ResolveBreakDto, body)).resolves.toEqual(['reason: reason is required: why the break needs no further action']);
  });
});

describe(BreaksQueryDto.name, () => {
  it('refuses an unknown status and a day that does not exist, naming each', async () => {
    await expect(refusal(BreaksQueryDto, { status: 'closed', businessDay: '2026-02-30' }, 'query')).resolves.toEqual([
      'status: status must be one of open, resolved, replaced',
      'businessDay: businessDay must be a calendar date YYYY-MM-DD that exists',
    ]);
  });
});
