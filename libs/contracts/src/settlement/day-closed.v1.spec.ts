import { parseMessage } from '../core/schema-violation.error';
import { settlementDayClosedV1 } from './day-closed.v1';

const closed = {
  batchId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
  acquirerId: 'acq-cz',
  businessDay: '2026-12-01',
  closedAt: '2026-12-01T22:05:00.000Z',
  lineCount: 3,
  lateLineCount: 0,
  totals: [{ currency: 'EUR', lineCount: 3, debitMinor: '2000', creditMinor: '2500', netMinor: '-500' }],
};

describe(settlementDayClosedV1.name, () => {
  it('carries a negative net total as exact decimal text', () => {
    expect(parseMessage(settlementDayClosedV1.name, settlementDayClosedV1.schema, closed)).toEqual(closed);
  });

  it.each([
    ['totals.0.netMinor', { totals: [{ ...closed.totals[0], netMinor: '-5.00' }] }],
    ['totals.0.debitMinor', { totals: [{ ...closed.totals[0], debitMinor: '-1' }] }],
    ['businessDay', { businessDay: '1.12.2026' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementDayClosedV1.name, settlementDayClosedV1.schema, { ...closed, ...change })).toThrow(field);
  });
});
