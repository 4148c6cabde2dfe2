import { parseMessage } from '../core/schema-violation.error';
import { settlementJournalFileSentV1 } from './journal-file-sent.v1';

const sent = {
  fileId: '5d1c2f0e-8a4b-4c3e-9f1d-2b6a7c8d9e01',
  businessDay: '2026-12-01',
  currency: 'EUR',
  acquirers: ['acq-cz', 'default'],
  layout: 'journal-entries-csv',
  fileName: 'JE_GL01_20261201_EUR_0001.csv',
  sequence: 1,
  entryCount: 4,
  debitMinor: '9100',
  creditMinor: '9100',
  byteLength: 640,
  sha256: 'a'.repeat(64),
  destination: 'folder /srv/gl',
  deliveredAt: '2026-12-02T00:05:00.000Z',
};

describe(settlementJournalFileSentV1.name, () => {
  it('carries the totals as exact decimal text', () => {
    expect(parseMessage(settlementJournalFileSentV1.name, settlementJournalFileSentV1.schema, sent)).toEqual(sent);
  });

  it.each([
    ['debitMinor', { debitMinor: '91.00' }],
    ['creditMinor', { creditMinor: '-9100' }],
    ['currency', { currency: 'eur' }],
    ['acquirers', { acquirers: [] }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementJournalFileSentV1.name, settlementJournalFileSentV1.schema, { ...sent, ...change })).toThrow(field);
  });
});
