import { parseMessage } from '../core/schema-violation.error';
import { agentsCashPostedV1 } from './cash-posted.v1';

const kept = {
  transferId: '5d1c2f0e-8a4b-8c3e-9f1d-2b6a7c8d9e01',
  kind: 'change-kept',
  nodeId: '1f0c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  debitAccountId: '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  creditAccountId: '4f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  amount: '730',
  currency: 'EUR',
  phoneLast4: '3456',
  postedAt: '2026-12-09T10:00:00.000Z',
};

describe(agentsCashPostedV1.name, () => {
  it('carries change with the last four digits of the phone', () => {
    expect(parseMessage(agentsCashPostedV1.name, agentsCashPostedV1.schema, kept)).toEqual(kept);
  });

  it('carries a voucher sale with its provider and serial', () => {
    const sold = { ...kept, kind: 'voucher-sold', phoneLast4: undefined, providerId: 'topup-cz', voucherSerial: 'S-0001' };
    expect(parseMessage(agentsCashPostedV1.name, agentsCashPostedV1.schema, sold)).toMatchObject({ kind: 'voucher-sold', voucherSerial: 'S-0001' });
  });

  it.each([
    ['phoneLast4', { phoneLast4: '+420777123456' }],
    ['kind', { kind: 'payment' }],
    ['amount', { amount: '0' }],
  ])('refuses a bad %s', (field, change) => {
    expect(() => parseMessage(agentsCashPostedV1.name, agentsCashPostedV1.schema, { ...kept, ...change })).toThrow(field);
  });
});
