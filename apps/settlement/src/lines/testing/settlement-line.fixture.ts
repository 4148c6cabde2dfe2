import { randomUUID } from 'node:crypto';

import { SettlementLine } from '../settlement-line';

/** An approved EUR 12.50 visa purchase of acquirer `acquirerId` on `day`, with what a spec changes. */
export function purchaseLine(acquirerId: string, day: string, change: Partial<SettlementLine> = {}): SettlementLine {
  return {
    transactionId: randomUUID(),
    event: 'authorized',
    acquirerId,
    merchantId: 'SHOP00000000001',
    terminalId: 'T0000001',
    scheme: 'visa',
    operation: 'purchase',
    direction: 'debit',
    amountMinor: 1250n,
    currency: 'EUR',
    feeMinor: null,
    originalTransactionId: null,
    rrn: null,
    maskedPan: null,
    approvalCode: null,
    occurredAt: `${day}T10:00:00.000Z`,
    eventBusinessDay: day,
    ...change,
  };
}
