import { parseMessage } from '../core/schema-violation.error';
import { agentsTransferPostedV1 } from './transfer-posted.v1';

const posted = {
  transferId: '5d1c2f0e-8a4b-8c3e-9f1d-2b6a7c8d9e01',
  kind: 'commission',
  nodeId: '1f0c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  paymentId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  debitAccountId: '3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  creditAccountId: '4f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  amount: '9007199254740993',
  currency: 'EUR',
  postedAt: '2026-12-08T10:00:00.000Z',
};

describe(agentsTransferPostedV1.name, () => {
  it('carries the amount as exact decimal text, past 2^53', () => {
    expect(parseMessage(agentsTransferPostedV1.name, agentsTransferPostedV1.schema, posted)).toEqual(posted);
  });

  it("carries the payer's fee as a kind of its own", () => {
    expect(parseMessage(agentsTransferPostedV1.name, agentsTransferPostedV1.schema, { ...posted, kind: 'fee' })).toMatchObject({ kind: 'fee' });
  });

  it("carries a child's settlement with its parent, without a payment", () => {
    const { paymentId: _payment, ...settlement } = { ...posted, kind: 'settlement' };
    expect(parseMessage(agentsTransferPostedV1.name, agentsTransferPostedV1.schema, settlement)).toEqual(settlement);
  });

  it.each([
    ['amount', { amount: '0' }],
    ['amount', { amount: '12.50' }],
    ['kind', { kind: 'refund' }],
    ['currency', { currency: 'eur' }],
    ['transferId', { transferId: 'nope' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(agentsTransferPostedV1.name, agentsTransferPostedV1.schema, { ...posted, ...change })).toThrow(field);
  });
});
