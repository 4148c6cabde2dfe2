import { refusalOf } from '@payments/runtime';

import { ImportStatementQueryDto } from './import-statement-query.dto';
import { StatementsQueryDto } from './statements-query.dto';

const refusal = async (query: Record<string, unknown>) => (await refusalOf(ImportStatementQueryDto, query, 'query'))?.message;

describe(ImportStatementQueryDto.name, () => {
  it('takes a format alone, and a gap allowed with its reason', async () => {
    await expect(refusal({ format: 'mt940' })).resolves.toBeUndefined();
    await expect(refusal({ format: 'camt053', fileName: 'day.xml', allowGap: 'true', gapReason: 'statement 3 never sent' })).resolves.toBeUndefined();
  });

  it('refuses a missing or unknown format, naming it', async () => {
    await expect(refusal({})).resolves.toEqual(['format: format is required (camt053, camt054, mt940)']);
    await expect(refusal({ format: 'pain001' })).resolves.toEqual(['format: format must be one of camt053, camt054, mt940']);
  });

  it('refuses allowGap without a reason, and a reason with control characters', async () => {
    await expect(refusal({ format: 'mt940', allowGap: 'true' })).resolves.toEqual(['gapReason: gapReason is required with allowGap=true']);
    await expect(refusal({ format: 'mt940', allowGap: 'yes', gapReason: 'ok\u0007' })).resolves.toEqual([
      'allowGap: allowGap must be true or false',
      'gapReason: gapReason must not contain control characters',
    ]);
  });
});

describe(StatementsQueryDto.name, () => {
  it('refuses a bank account id with spaces and a limit out of range, naming each', async () => {
    await expect(refusalOf(StatementsQueryDto, { bankAccountId: 'ops eur', limit: '501' }, 'query').then((r) => r?.message)).resolves.toEqual([
      'bankAccountId: bankAccountId must be 1-64 letters, digits, dots, dashes or underscores',
      'limit: limit must be at most 500',
    ]);
  });
});
