import { parseMessage } from '../core/schema-violation.error';
import { settlementFileSentV1 } from './file-sent.v1';

const sent = {
  fileId: '5d1c2f0e-8a4b-4c3e-9f1d-2b6a7c8d9e01',
  batchId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
  acquirerId: 'acq-cz',
  businessDay: '2026-12-01',
  layout: 'acquirer-transactions-csv',
  fileName: 'TX_ACQ01_20261201_0001.csv',
  sequence: 1,
  detailCount: 3,
  totals: { amount: '-500' },
  byteLength: 512,
  sha256: 'a'.repeat(64),
  destination: 'folder /srv/out',
  deliveredAt: '2026-12-02T00:05:00.000Z',
};

describe(settlementFileSentV1.name, () => {
  it('carries a negative file total as exact decimal text', () => {
    expect(parseMessage(settlementFileSentV1.name, settlementFileSentV1.schema, sent)).toEqual(sent);
  });

  it.each([
    ['totals.amount', { totals: { amount: '-5.00' } }],
    ['sha256', { sha256: 'A'.repeat(64) }],
    ['sequence', { sequence: 0 }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementFileSentV1.name, settlementFileSentV1.schema, { ...sent, ...change })).toThrow(field);
  });
});
