import { parseMessage } from '../core/schema-violation.error';
import { settlementPayoutFileSentV1 } from './payout-file-sent.v1';

const sent = {
  fileId: '5d1c2f0e-8a4b-4c3e-9f1d-2b6a7c8d9e01',
  batchId: '7a1c2f0e-8a4b-4c3e-9f1d-2b6a7c8d9e02',
  acquirerId: 'acq-cz',
  businessDay: '2026-12-01',
  fileName: 'PAIN001_20261201_000001.xml',
  messageId: 'PAYOUT-20261201-000001',
  sequence: 1,
  requestedExecutionDate: '2026-12-02',
  totals: [{ currency: 'EUR', count: 2, amountMinor: '9100' }],
  heldCount: 1,
  byteLength: 2048,
  sha256: 'a'.repeat(64),
  destination: 'folder /srv/bank',
  deliveredAt: '2026-12-02T00:05:00.000Z',
};

describe(settlementPayoutFileSentV1.name, () => {
  it('carries counts and totals as exact decimal text', () => {
    expect(parseMessage(settlementPayoutFileSentV1.name, settlementPayoutFileSentV1.schema, sent)).toEqual(sent);
  });

  it.each([
    ['amountMinor', { totals: [{ currency: 'EUR', count: 2, amountMinor: '91.00' }] }],
    ['totals', { totals: [] }],
    ['messageId', { messageId: 'M'.repeat(36) }],
    ['heldCount', { heldCount: -1 }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementPayoutFileSentV1.name, settlementPayoutFileSentV1.schema, { ...sent, ...change })).toThrow(field);
  });
});
