import type { StatementEntry } from '../model/bank-statement.model';

/** A booked EUR entry of 2026-01-05 with no reference, for the checks' specs. */
export function bookedEntry(amountMinor: bigint, direction: StatementEntry['direction'], overrides: Partial<StatementEntry> = {}): StatementEntry {
  return {
    amountMinor,
    currency: 'EUR',
    direction,
    status: 'booked',
    reversal: false,
    bookingDate: '2026-01-05',
    valueDate: '2026-01-05',
    reference: null,
    remittanceInfo: null,
    ...overrides,
  };
}
