import type { BankStatement, StatementIssue } from '@payments/bank-statements';

import { BankAccountRegistry, ConfiguredBankAccount } from './bank-account.config';
import { checkStatements, IncomingStatement, sequenceFindings } from './statement-import.checks';

const EUR_ACCOUNT: ConfiguredBankAccount = { id: 'ops-eur', account: 'DE89 3704 0044 0532 0130 00', currency: 'EUR', format: 'mt940', profile: 'standard' };
const registry = new BankAccountRegistry([EUR_ACCOUNT, { ...EUR_ACCOUNT, id: 'ops-eur-camt', format: 'camt053' }]);

function statementOf(number: number | null, change: Partial<BankStatement> = {}): BankStatement {
  return {
    format: 'mt940',
    id: `STMT${number ?? 'X'}`,
    account: 'DE89370400440532013000',
    currency: 'EUR',
    sequence: number === null ? null : { number, page: null },
    opening: { amountMinor: 1000n, currency: 'EUR', date: '2026-12-01' },
    closing: { amountMinor: 1000n, currency: 'EUR', date: '2026-12-01' },
    forwardAvailable: null,
    entries: [],
    declaredSummary: null,
    balanced: true,
    issues: [],
    ...change,
  };
}

const read = (...statements: BankStatement[]) => statements.map((statement) => ({ statement, lookup: registry.find(statement.account, 'mt940') }));
const incoming = (...numbers: (number | null)[]): IncomingStatement[] => numbers.map((n) => ({ statement: statementOf(n), bankAccount: EUR_ACCOUNT }));

describe(checkStatements.name, () => {
  const sut = checkStatements;

  it('accepts statements of a configured account in its currency, the account matched without spaces or letter case', () => {
    expect(sut(read(statementOf(1), statementOf(2, { account: 'de89370400440532013000' })), 'mt940')).toEqual({
      kind: 'accepted',
      statements: [expect.objectContaining({ bankAccount: EUR_ACCOUNT }), expect.objectContaining({ bankAccount: EUR_ACCOUNT })],
    });
  });

  it('refuses the whole file for one unbalanced statement, naming it, its account and the reason; warnings pass', () => {
    const unbalanced: StatementIssue = {
      code: 'unbalanced',
      severity: 'error',
      message: 'opening 10.00 EUR + entries 0.00 EUR = 10.00 EUR, but the closing balance is 9.00 EUR',
    };
    const warning: StatementIssue = { code: 'withdrawn-currency', severity: 'warning', message: 'DEM was withdrawn' };

    expect(sut(read(statementOf(1, { issues: [warning] }), statementOf(2, { balanced: false, issues: [unbalanced] })), 'mt940')).toEqual({
      kind: 'refused',
      reasons: [`statement STMT2 (ops-eur): unbalanced: ${unbalanced.message}`],
    });
  });

  it('refuses an account that is not configured, and one configured only for other formats, naming the account', () => {
    const unknown = statementOf(1, { account: 'NL91ABNA0417164300' });
    expect(sut([{ statement: unknown, lookup: registry.find(unknown.account, 'mt940') }], 'mt940')).toEqual({
      kind: 'refused',
      reasons: ['statement STMT1: account NL91ABNA0417164300 is not a configured bank account (SETTLEMENT_BANK_ACCOUNTS)'],
    });
    const notification = statementOf(2, { format: 'camt054' });
    expect(sut([{ statement: notification, lookup: registry.find(notification.account, 'camt054') }], 'camt054')).toEqual({
      kind: 'refused',
      reasons: ['statement STMT2: account DE89370400440532013000 is configured for mt940, camt053, not camt054'],
    });
  });

  it('refuses a statement in another currency than its account', () => {
    expect(sut(read(statementOf(1, { currency: 'CHF' })), 'mt940')).toEqual({
      kind: 'refused',
      reasons: ['statement STMT1 (ops-eur): unexpected-currency: is in CHF, expected EUR'],
    });
  });

  it('refuses a file that holds the same statement twice', () => {
    expect(sut(read(statementOf(1), statementOf(1)), 'mt940')).toEqual({
      kind: 'refused',
      reasons: ['the file repeats a statement: account DE89370400440532013000: statement STMT1 repeats sequence number 1/1 of statement STMT1'],
    });
  });
});

describe(sequenceFindings.name, () => {
  const sut = sequenceFindings;
  const last = (n: number) => new Map([['ops-eur', n]]);

  it('lets an account with nothing stored start at any number, and a series continue without a hole', () => {
    expect(sut(incoming(118, 119), new Map())).toEqual([]);
    expect(sut(incoming(120, 121), last(119))).toEqual([]);
  });

  it('names the numbers missing after the last imported one and within the file', () => {
    expect(sut(incoming(122, 125), last(119))).toEqual([
      'account ops-eur: statements 120, 121 are missing between 119 and 122',
      'account ops-eur: statements 123, 124 are missing between 122 and 125',
    ]);
  });

  it('names a statement that comes before the last imported number (a series restarted, or an old one sent late)', () => {
    expect(sut(incoming(1), last(365))).toEqual(['account ops-eur: statement STMT1 (number 1) comes before the last imported number 365']);
  });

  it('takes the next page of the last imported statement, and leaves statements without a number out of the series', () => {
    const page2: IncomingStatement = { statement: statementOf(119, { sequence: { number: 119, page: 2 } }), bankAccount: EUR_ACCOUNT };
    expect(sut([page2, ...incoming(null)], last(119))).toEqual([]);
  });

  it('checks each account against its own last number', () => {
    const other: IncomingStatement = { statement: statementOf(7), bankAccount: { ...EUR_ACCOUNT, id: 'ops-chf' } };
    expect(
      sut(
        [...incoming(120), other],
        new Map([
          ['ops-eur', 119],
          ['ops-chf', 5],
        ]),
      ),
    ).toEqual(['account ops-chf: statement 6 is missing between 5 and 7']);
  });
});
