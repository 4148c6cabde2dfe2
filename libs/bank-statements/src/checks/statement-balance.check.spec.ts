import type { StatementDraft } from '../model/statement-draft.model';
import { bookedEntry } from '../testing/statement-entry.util';
import { BANK_PROFILES } from './bank-profile.table';
import { checkStatement } from './statement-balance.check';

/** Overdrawn at -50.00, a 200.00 credit, a 30.00 debit: closes at 120.00. */
const draft = (overrides: Partial<StatementDraft> = {}): StatementDraft => ({
  format: 'camt053',
  id: 'S1',
  account: 'DE44500105175407324931',
  currency: 'EUR',
  sequence: { number: 1, page: null },
  opening: { amountMinor: -5_000n, currency: 'EUR', date: '2026-01-04' },
  closing: { amountMinor: 12_000n, currency: 'EUR', date: '2026-01-05' },
  forwardAvailable: null,
  entries: [bookedEntry(20_000n, 'credit'), bookedEntry(3_000n, 'debit')],
  declaredSummary: null,
  issues: [],
  ...overrides,
});

describe(checkStatement.name, () => {
  const sut = checkStatement;
  const standard = BANK_PROFILES.standard;
  const valueDated = BANK_PROFILES['postfinance-value-dated'];

  it('balances a statement that opens overdrawn', () => {
    expect(sut(draft(), standard)).toMatchObject({ balanced: true, issues: [] });
  });

  it('leaves a pending entry out of the sum and says so', () => {
    const statement = sut(draft({ entries: [...draft().entries, bookedEntry(99_999n, 'credit', { status: 'pending' })] }), standard);

    expect(statement.balanced).toBe(true);
    expect(statement.issues).toEqual([
      { code: 'entries-not-booked', severity: 'warning', message: '1 entry pending or informational, left out of the balance' },
    ]);
  });

  it('does not compare amounts in different currencies: unbalanced, with the reason', () => {
    const statement = sut(draft({ closing: { amountMinor: 12_000n, currency: 'CHF', date: '2026-01-05' } }), standard);

    expect(statement.balanced).toBe(false);
    expect(statement.issues).toEqual([{ code: 'currency-mismatch', severity: 'error', message: 'the closing balance is in CHF, the statement in EUR' }]);
  });

  it('under the value-dated profile, still needs the forward-available balance to account for the entries it sets aside', () => {
    const forward = draft({
      closing: { amountMinor: -8_000n, currency: 'EUR', date: '2026-01-05' },
      entries: [bookedEntry(20_000n, 'credit', { valueDate: '2026-01-06' }), bookedEntry(3_000n, 'debit')],
    });

    expect(sut(forward, valueDated).balanced).toBe(false);
    expect(sut(forward, valueDated).issues.map((issue) => issue.message)).toContain(
      'opening + all entries = 120.00 EUR, but the forward-available balance is missing',
    );
    expect(sut({ ...forward, forwardAvailable: { amountMinor: 12_000n, currency: 'EUR', date: '2026-01-06' } }, valueDated).balanced).toBe(true);
    expect(sut(forward, standard).balanced).toBe(false);
  });

  it('has nothing to balance in a notification without balances', () => {
    expect(sut(draft({ format: 'camt054', opening: null, closing: null }), standard)).toMatchObject({ balanced: null, issues: [] });
  });
});
