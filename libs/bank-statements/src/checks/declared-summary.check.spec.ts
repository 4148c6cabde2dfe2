import type { StatementDraft } from '../model/statement-draft.model';
import { bookedEntry } from '../testing/statement-entry.util';
import { declaredSummaryIssues } from './declared-summary.check';

const draft = (declaredSummary: StatementDraft['declaredSummary']): StatementDraft => ({
  format: 'camt053',
  id: 'S1',
  account: 'DE44500105175407324931',
  currency: 'EUR',
  sequence: null,
  opening: null,
  closing: null,
  forwardAvailable: null,
  entries: [bookedEntry(20_000n, 'credit'), bookedEntry(3_000n, 'debit'), bookedEntry(500n, 'debit')],
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
