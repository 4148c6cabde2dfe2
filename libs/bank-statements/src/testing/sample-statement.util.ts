import type { RenderedStatement } from './rendered-statement.model';

/** A small balanced EUR statement: 100.00 + 25.50 - 10.00 = 115.50. */
export function sampleStatement(overrides: Partial<RenderedStatement> = {}): RenderedStatement {
  return {
    id: 'STMT-1',
    account: 'CH2909000000250094239',
    currency: 'EUR',
    sequenceNumber: 7,
    opening: { amountMinor: 10_000n, date: '2026-01-05' },
    closing: { amountMinor: 11_550n, date: '2026-01-05' },
    entries: [
      { amountMinor: 2_550n, direction: 'credit', bookingDate: '2026-01-05', valueDate: '2026-01-05', reference: 'E2E-1', remittanceInfo: 'Invoice 42' },
      { amountMinor: 1_000n, direction: 'debit', bookingDate: '2026-01-05', valueDate: '2026-01-05', reference: null, remittanceInfo: null },
    ],
    ...overrides,
  };
}
