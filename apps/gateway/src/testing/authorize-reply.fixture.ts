import type { AuthorizeReply } from '@payments/contracts';

/** An approved purchase of 12.50 EUR on DEMO0001, as authorization replies; override what a test is about. */
export function authorizeReplyOf(overrides: Partial<AuthorizeReply> = {}): AuthorizeReply {
  return {
    transactionId: '0f5c3f5e-7b1a-4a53-9a43-1c1e2f0d9b11',
    operation: 'purchase',
    status: 'approved',
    responseCode: '00',
    responseText: 'Approved',
    approvalCode: 'A1B2C3',
    rrn: '123456789012',
    stan: '000042',
    maskedPan: '555555******4444',
    cardScheme: 'mastercard',
    amountMinor: '1250',
    currency: 'EUR',
    terminalId: 'DEMO0001',
    merchantId: 'DEMOSHOP0000001',
    processedAt: '2026-11-20T10:15:00.000Z',
    ...overrides,
  };
}
