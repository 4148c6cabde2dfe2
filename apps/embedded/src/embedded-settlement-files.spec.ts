import { join, resolve } from 'node:path';

import { embeddedSettlementFilesEnv } from './embedded-settlement-files';

describe(embeddedSettlementFilesEnv.name, () => {
  it("sends the default acquirer's files in the CSV layout to a folder under the data folder", () => {
    const env = embeddedSettlementFilesEnv('data', {});

    expect(env.SETTLEMENT_FILES_DIR).toBe(resolve('data', 'settlement-files'));
    expect(JSON.parse(env.SETTLEMENT_FILES ?? '{}')).toEqual({
      default: {
        layout: 'acquirer-transactions-csv',
        values: { acquirerId: 'DEFAULT' },
        folder: '',
        delivery: { kind: 'folder', path: join(resolve('data', 'settlement-files'), 'outgoing') },
      },
    });
    expect(JSON.parse(env.SETTLEMENT_JOURNAL_FILES ?? '{}')).toEqual({
      layout: 'journal-entries-csv',
      values: { ledgerId: 'PAYGL' },
      folder: '',
      delivery: { kind: 'folder', path: join(resolve('data', 'settlement-files'), 'journal') },
      acquirers: ['default'],
    });
  });

  it('follows a renamed default acquirer, its layout id in letters and digits only', () => {
    expect(JSON.parse(embeddedSettlementFilesEnv('data', { SETTLEMENT_DEFAULT_ACQUIRER: 'acq-cz.1' }).SETTLEMENT_FILES ?? '{}')).toMatchObject({
      'acq-cz.1': { values: { acquirerId: 'ACQCZ1' } },
    });
    expect(JSON.parse(embeddedSettlementFilesEnv('data', { SETTLEMENT_DEFAULT_ACQUIRER: 'acq-cz.1' }).SETTLEMENT_JOURNAL_FILES ?? '{}')).toMatchObject({
      acquirers: ['acq-cz.1'],
    });
  });

  it('keeps nothing with DATA_DIR=memory: no file unless SETTLEMENT_FILES asks', () => {
    expect(embeddedSettlementFilesEnv('memory', {})).toEqual({});
  });
});
