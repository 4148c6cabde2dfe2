import { parseMessage } from '../core/schema-violation.error';
import { acquirerReportReconciledV1 } from './acquirer-report-reconciled.v1';

const reconciled = {
  reportId: '0b7c6a52-6f1e-4c57-9a55-1f0f1e3a9b10',
  acquirerId: 'acq-cz',
  businessDay: '2026-12-01',
  lineCount: 3,
  breakCount: 1,
  totals: [
    { kind: 'matched', currency: 'EUR', count: 2, ourAmountMinor: '-500', theirAmountMinor: '-500', theirFeeMinor: '19' },
    { kind: 'missing_ours', currency: 'EUR', count: 1, ourAmountMinor: '0', theirAmountMinor: '777', theirFeeMinor: '22' },
  ],
};

describe(acquirerReportReconciledV1.name, () => {
  it('carries counts and signed sums per kind as exact decimal text', () => {
    expect(parseMessage(acquirerReportReconciledV1.name, acquirerReportReconciledV1.schema, reconciled)).toEqual(reconciled);
  });

  it.each([
    ['totals.0.kind', { totals: [{ ...reconciled.totals[0], kind: 'unmatched' }] }],
    ['totals.0.theirAmountMinor', { totals: [{ ...reconciled.totals[0], theirAmountMinor: '5.00' }] }],
    ['businessDay', { businessDay: '1.12.2026' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => parseMessage(acquirerReportReconciledV1.name, acquirerReportReconciledV1.schema, { ...reconciled, ...change })).toThrow(field);
  });
});
