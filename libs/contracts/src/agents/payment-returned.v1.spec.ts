import { parseMessage } from '../core/schema-violation.error';
import { agentsPaymentReturnedV1 } from './payment-returned.v1';

const returned = {
  paymentId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  nodeId: '1f0c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b',
  payeeId: 'cz-mobile',
  amount: '9007199254740993',
  fee: '0',
  currency: 'EUR',
  reason: 'subscriber blocked',
  returnedAt: '2026-12-09T10:00:00.000Z',
};

describe(agentsPaymentReturnedV1.name, () => {
  it('carries the amount as exact decimal text past 2^53, a fee of 0 and the payee’s reason', () => {
    expect(parseMessage(agentsPaymentReturnedV1.name, agentsPaymentReturnedV1.schema, returned)).toEqual(returned);
  });

  it.each([
    ['amount', { amount: '12.50' }],
    ['fee', { fee: '-1' }],
    ['reason', { reason: '' }],
    ['reason', { reason: 'x'.repeat(201) }],
    ['paymentId', { paymentId: 'nope' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(agentsPaymentReturnedV1.name, agentsPaymentReturnedV1.schema, { ...returned, ...change })).toThrow(field);
  });
});
