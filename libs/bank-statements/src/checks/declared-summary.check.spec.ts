import type { StatementEntry } from '../model/bank-statement.model';
import type { StatementDraft } from '../model/statement-draft.model';
import { declaredSummaryIssues } from './declared-summary.check';

const entry = (amountMinor: bigint, direction: StatementEntry['direction']): StatementEntry => ({
  amountMinor,
  currency: 'EUR',
  direction,
  status: 'booked',
  reversal: false,
  bookingDate: '2026-01-05',
  valueDate: '2026-01-05',
  reference: null,
  remittanceInfo: null,
});

const draft = (declaredSummary: StatementDraft['declaredSummary']): StatementDraft => ({
  format: 'camt053',
  id: 'S1',
  account: 'DE44500105175407324931',
  currency: 'EUR',
  sequence: null,
  opening: null,
  closing: null,
  forwardAvailable: null,
  entries: [entry(20_000n, 'credit'), entry(3_000n, 'debit'), entry(500n, 'debit')],
  declaredSummary,
  issues: [],
});

describe(declaredSummaryIssues.name, () => {
  const sut = declaredSummaryIssues;

  it('accepts totals that agree with the entries, and a statement without any', () => {
    const agreeing = { entryCount: 3, grossMinor: 23_500n, netMinor: 16_500n, creditCount: 1, creditMinor: 20_000n, debitCount: 2, debitMinor: 3_500n };

    expect(sut(draft(agreeing))).toEqual([]);
    expect(sut(draft(null))).toEqual([]);
  });

  it('reports each declared total the entries do not give: an entry lost on the way', () => {
    expect(sut(draft({ entryCount: 4, debitCount: 3, debitMinor: 4_500n }))).toEqual([
      { code: 'summary-mismatch', severity: 'error', message: 'TxsSummry declares number of entries 4, the entries give 3' },
      { code: 'summary-mismatch', severity: 'error', message: 'TxsSummry declares number of debits 3, the entries give 2' },
      { code: 'summary-mismatch', severity: 'error', message: 'TxsSummry declares sum of debits 45.00 EUR, the entries give 35.00 EUR' },
    ]);
  });
});
