import { parseBankStatements } from './statement.parser';
import type { BankStatement } from './model/bank-statement.model';
import { StatementFormatError } from './model/statement-format.error';
import { readStatementFixture } from './testing/statement-fixture.util';

/** What an operator checks first on a statement: where it is, what it starts and ends with, how many lines. */
function summary(statement: BankStatement) {
  return {
    id: statement.id,
    account: statement.account,
    currency: statement.currency,
    sequence: statement.sequence,
    opening: statement.opening && { amountMinor: statement.opening.amountMinor, date: statement.opening.date },
    closing: statement.closing && { amountMinor: statement.closing.amountMinor, date: statement.closing.date },
    entries: statement.entries.length,
    balanced: statement.balanced,
    issues: statement.issues.map((issue) => issue.code),
  };
}

const POSTFINANCE = 'camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml';

describe(parseBankStatements.name, () => {
  const sut = parseBankStatements;

  describe('camt.053 samples', () => {
    it('reads the Finnish banks sample (.001.02): 10 entries that balance 10000.00 -> 23644.83 EUR', () => {
      const [statement, ...others] = sut(readStatementFixture('FI_camt_053_sample.xml'), 'camt053');

      expect(others).toEqual([]);
      expect(summary(statement)).toEqual({
        id: 'BANKSTMTID0972009',
        account: 'FI7433010001222090',
        currency: 'EUR',
        sequence: { number: 120, page: null },
        opening: { amountMinor: 1_000_000n, date: '2009-10-29' },
        closing: { amountMinor: 2_364_483n, date: '2009-10-29' },
        entries: 10,
        balanced: true,
        issues: [],
      });
      expect(statement.entries[0]).toEqual({
        amountMinor: 100_012n,
        currency: 'EUR',
        direction: 'debit',
        status: 'booked',
        reversal: false,
        bookingDate: '2009-10-29',
        valueDate: '2009-10-29',
        reference: '091029ACCTSTMTARCH01',
        remittanceInfo: null,
      });
      expect(statement.declaredSummary).toEqual({ entryCount: 10, creditCount: 6, creditMinor: 2_307_500n, debitCount: 4, debitMinor: 943_017n });
      expect(statement.entries[8]).toMatchObject({ reference: 'EndToEndIdSCT01', remittanceInfo: 'RF98123456789012', direction: 'credit' });
    });

    it('finds the PostFinance sample (.001.04) unbalanced by its value-dated entry, and says which profile explains it', () => {
      const [statement] = sut(readStatementFixture(POSTFINANCE), 'camt053');

      expect(summary(statement)).toEqual({
        id: '20201124375204229003973',
        account: 'CH2909000000250094239',
        currency: 'CHF',
        sequence: { number: 118, page: null },
        opening: { amountMinor: 21_199_319n, date: '2020-11-24' },
        closing: { amountMinor: 21_511_221n, date: '2020-11-24' },
        entries: 5,
        balanced: false,
        issues: ['unbalanced'],
      });
      expect(statement.forwardAvailable).toEqual({ amountMinor: 21_664_921n, currency: 'CHF', date: '2020-11-25' });
      expect(statement.issues[0].message).toBe(
        'opening 211993.19 CHF + entries 4656.02 CHF = 216649.21 CHF, but the closing balance is 215112.21 CHF (difference 1537.00 CHF); ' +
          'the difference is the 1 entry value-dated after 2020-11-24 (1537.00 CHF): ' +
          'if this bank keeps them out of the booked balance, ask for the bank profile postfinance-value-dated',
      );
    });

    it('balances the PostFinance sample under the postfinance-value-dated profile: entries sum to the forward-available balance', () => {
      const [statement] = sut(readStatementFixture(POSTFINANCE), 'camt053', { profile: 'postfinance-value-dated' });

      expect(statement.balanced).toBe(true);
      expect(statement.issues).toEqual([
        {
          code: 'value-dated-entries',
          severity: 'warning',
          message: 'outside the closing balance (profile postfinance-value-dated): 1 entry value-dated after 2020-11-24 (1537.00 CHF)',
        },
      ]);
    });

    it('refuses the Lithuanian sample, which has only available balances, unless the available-balances profile is asked for', () => {
      const text = readStatementFixture('statement_1.xml');

      expect(() => sut(text, 'camt053')).toThrow(
        new StatementFormatError(
          'camt053',
          'BkToCstmrStmt/Stmt[1]/Bal',
          'no opening balance of type OPBD or PRCD (the statement has: OPAV, CLAV); the bank profile available-balances reads OPAV and CLAV',
        ),
      );
      const [statement] = sut(text, 'camt053', { profile: 'available-balances' });
      expect(summary(statement)).toEqual({
        id: '201509302599406883',
        account: 'LT007180000000000000',
        currency: 'EUR',
        sequence: { number: 44, page: null },
        opening: { amountMinor: 276_808n, date: '2015-05-01' },
        closing: { amountMinor: 0n, date: '2015-06-30' },
        entries: 4,
        balanced: true,
        issues: [],
      });
      expect(statement.entries[3]).toMatchObject({ amountMinor: 170n, reference: '516079334' });
    });

    it.each([
      ['genkgo_camt053.v2.minimal.xml', 'NL26VAYB8060476890', null, '2014-12-31'],
      ['genkgo_camt053.v4.xml', 'NL26VAYB8060476890', 2, '2014-12-30'],
      ['genkgo_camt053.v8.xml', 'NL26VAYB8060476890', 2, '2014-12-30'],
    ])('reads %s and flags its closing balance kept in SEK on a EUR statement', (file, account, page, closingDate) => {
      const [statement] = sut(readStatementFixture(file), 'camt053');

      expect(summary(statement)).toEqual({
        id: '253EURNL26VAYB8060476890',
        account,
        currency: 'EUR',
        sequence: { number: 12312, page },
        opening: { amountMinor: 1815n, date: '2014-12-30' },
        closing: { amountMinor: -2700n, date: closingDate },
        entries: 1,
        balanced: false,
        issues: ['currency-mismatch'],
      });
      expect(statement.entries[0]).toMatchObject({ amountMinor: 885n, direction: 'credit', bookingDate: '2014-12-31', valueDate: '2015-01-02' });
    });
  });

  describe('camt.054 samples', () => {
    it('reads the Finnish notification (.001.02): 6 entries, no balances, the informational one left out with a warning', () => {
      const [notification] = sut(readStatementFixture('FI_camt_054_sample.xml'), 'camt054');

      expect(summary(notification)).toEqual({
        id: 'BANKFILEID00001NTR00001',
        account: 'FI7433010001222090',
        currency: 'EUR',
        sequence: { number: 96, page: null },
        opening: null,
        closing: null,
        entries: 6,
        balanced: null,
        issues: ['entries-not-booked', 'summary-mismatch'],
      });
      // Its TxsSummry counts and gross sum agree; its net counts the reversed 100.00 credit as a debit.
      expect(notification.declaredSummary).toEqual({ entryCount: 6, grossMinor: 1_083_005n, netMinor: 16_995n });
      expect(notification.issues[1]?.message).toBe('TxsSummry declares net of entries 169.95 EUR, the entries give 369.95 EUR');
      expect(notification.entries.map((entry) => [entry.amountMinor, entry.direction, entry.status])).toEqual([
        [200_000n, 'credit', 'booked'],
        [50_000n, 'credit', 'booked'],
        [300_000n, 'credit', 'booked'],
        [423_005n, 'debit', 'booked'],
        [100_000n, 'debit', 'booked'],
        [10_000n, 'credit', 'info'],
      ]);
      expect(notification.entries[4].valueDate).toBeNull();
    });

    it('reads the genkgo notification (.001.08): one SEK debit of 2000.00, currency taken from the entry', () => {
      const [notification] = sut(readStatementFixture('genkgo_camt054.v8.xml'), 'camt054');

      expect(notification).toMatchObject({ account: 'CH2801234000123456789', currency: 'SEK', balanced: null, issues: [] });
      expect(notification.entries).toEqual([expect.objectContaining({ amountMinor: 20_000_000n, direction: 'debit', reference: 'ACSR160617103200001' })]);
    });
  });

  describe('MT940 samples', () => {
    it('reads the three statements of the cmxl sample, all balanced, the DEM one flagged as a withdrawn currency', () => {
      const statements = sut(readStatementFixture('cmxl_mt940.sta'), 'mt940');

      expect(statements.map(summary)).toEqual([
        {
          id: '131110',
          account: '45050050/76198810',
          currency: 'DEM',
          sequence: { number: 27, page: 1 },
          opening: { amountMinor: 8_434_974n, date: '2013-10-16' },
          closing: { amountMinor: 8_443_704n, date: '2013-10-17' },
          entries: 11,
          balanced: true,
          issues: ['withdrawn-currency'],
        },
        {
          id: '1234567',
          account: '10020030/1234567',
          currency: 'EUR',
          sequence: { number: 5, page: 1 },
          opening: { amountMinor: 218_795n, date: '2002-11-01' },
          closing: { amountMinor: 438_795n, date: '2002-11-30' },
          entries: 2,
          balanced: true,
          issues: [],
        },
        {
          id: 'TELEWIZORY S.A.',
          account: 'BPHKPLPK/320000546101',
          currency: 'PLN',
          sequence: { number: 84, page: 1 },
          opening: { amountMinor: 4_000_000n, date: '2003-10-02' },
          closing: { amountMinor: 5_004_000n, date: '2002-03-25' },
          entries: 3,
          balanced: true,
          issues: [],
        },
      ]);
      expect(statements[1].entries[1]).toEqual({
        amountMinor: 300_000n,
        currency: 'EUR',
        direction: 'credit',
        status: 'booked',
        reversal: false,
        bookingDate: '2002-11-02',
        valueDate: '2002-11-02',
        reference: '55555',
        remittanceInfo: '051?00UEBERWEISUNG?100599?20Gehalt Oktob\ner\n?21Firma\nMustermann\nGmbH?3050060400?31084756\n4700?32MUELLER?34339',
      });
      expect(statements[2].entries[1]).toMatchObject({ amountMinor: 1_000_000n, direction: 'debit', reference: 'REF 25611247' });
    });

    it('reads both statements of the generic sample, numbered 1 and 2', () => {
      const statements = sut(readStatementFixture('jejik_generic.sta'), 'mt940');

      expect(statements.map((s) => [s.sequence?.number, s.opening?.amountMinor, s.closing?.amountMinor, s.entries.length, s.balanced])).toEqual([
        [1, 10_000n, 9_000n, 1, true],
        [2, 9_000n, 8_000n, 1, true],
      ]);
    });

    it('finds the ING sample unbalanced: 0.00 - 45.59 of entries is not the 3.47 it closes with', () => {
      const [statement, ...others] = sut(readStatementFixture('jejik_ing.sta'), 'mt940');

      expect(others).toEqual([]);
      expect(summary(statement)).toMatchObject({ id: 'MPBZ', account: '0001234567', entries: 7, balanced: false, issues: ['unbalanced'] });
      expect(statement.issues[0].message).toBe(
        'opening 0.00 EUR + entries -45.59 EUR = -45.59 EUR, but the closing balance is 3.47 EUR (difference -49.06 EUR)',
      );
      expect(statement.entries[2].reference).toBe('TMG TANGO');
    });
  });

  describe('files that are not statements', () => {
    it.each(['musterfile_pain.001_Nov2020.xml', 'gistfile1.xml'])('refuses the pain.001 %s by name', (file) => {
      expect(() => sut(readStatementFixture(file), 'camt053')).toThrow(/^camt053 Document: this is pain\.001, a customer credit transfer initiation/);
    });
  });
});
