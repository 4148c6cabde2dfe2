import { randomUUID } from 'node:crypto';

import { TransactionAuthorized } from '@payments/contracts';

/** An approved EUR 12.50 purchase of `terminalId` on `businessDay`, with what a spec changes. */
export function approvedPurchase(terminalId: string, businessDay: string, change: Partial<TransactionAuthorized> = {}): TransactionAuthorized {
  return {
    transactionId: randomUUID(),
    operation: 'purchase',
    direction: 'debit',
    terminalId,
    merchantId: 'SHOP00000000001',
    amountMinor: '1250',
    currency: 'EUR',
    responseCode: '00',
    businessDay,
    occurredAt: new Date().toISOString(),
    ...change,
  };
}
