import { parseMessage } from '../core/schema-violation.error';
import { settlementTransferImportedV1 } from './transfer-imported.v1';

const imported = {
  transferId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
  acquirerId: 'acq-cz',
  transferReference: 'TRF-2026-12-03-01',
  valueDate: '2026-12-03',
  currency: 'EUR',
  amountMinor: '3907',
  lineCount: 3,
  breakCount: 1,
  totals: [
    { outcome: 'paid', count: 2, ourAmountMinor: '3200', theirGrossMinor: '3200', theirFeeMinor: '70' },
    { outcome: 'unknown', count: 1, ourAmountMinor: '0', theirGrossMinor: '777', theirFeeMinor: '0' },
  ],
};

describe(settlementTransferImportedV1.name, () => {
  it('carries counts and signed sums per outcome as exact decimal text', () => {
    expect(parseMessage(settlementTransferImportedV1.name, settlementTransferImportedV1.schema, imported)).toEqual(imported);
  });

  it.each([
    ['totals.0.outcome', { totals: [{ ...imported.totals[0], outcome: 'late' }] }],
    ['totals.0.theirFeeMinor', { totals: [{ ...imported.totals[0], theirFeeMinor: '-5' }] }],
    ['valueDate', { valueDate: '3.12.2026' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(settlementTransferImportedV1.name, settlementTransferImportedV1.schema, { ...imported, ...change })).toThrow(field);
  });
});
