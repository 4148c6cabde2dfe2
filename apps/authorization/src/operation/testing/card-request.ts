import { randomUUID } from 'node:crypto';

import type { AuthorizeRequest } from '@payments/contracts';

import { fakeCardBlock } from './fake-card-source';

/** A register's chip purchase of 10.00 EUR with a test Visa card, a fresh id, and `change` applied. */
export function cardRequest(terminalId: string, merchantId: string, change: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return {
    transactionId: randomUUID(),
    operation: 'purchase',
    terminalId,
    merchantId,
    amountMinor: '1000',
    currency: 'EUR',
    card: fakeCardBlock('4242424242424242'),
    entryMode: 'chip',
    requestedAt: new Date().toISOString(),
    ...change,
  };
}
