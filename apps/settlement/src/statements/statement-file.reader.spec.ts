import { BankAccountRegistry } from './bank-account.config';
import { readStatementFile } from './statement-file.reader';
import { SAMPLE_ACCOUNTS, sampleFile } from './testing/statement-files.fixture';

const LITHUANIAN = sampleFile('statement_1.xml').toString('utf8');

describe(readStatementFile.name, () => {
  it("reads each statement under its own account's profile, where the standard reading cannot read it at all", () => {
    const reading = readStatementFile(LITHUANIAN, 'camt053', new BankAccountRegistry(SAMPLE_ACCOUNTS));

    expect(reading).toMatchObject({
      kind: 'read',
      statements: [{ statement: { balanced: true, closing: { amountMinor: 0n } }, lookup: { kind: 'configured' } }],
    });
  });

  it('is malformed, naming the element, when the account is configured with a profile that cannot read it', () => {
    const standardOnly = new BankAccountRegistry(SAMPLE_ACCOUNTS.map((a) => ({ ...a, profile: 'standard' as const })));

    expect(readStatementFile(LITHUANIAN, 'camt053', standardOnly)).toEqual({
      kind: 'malformed',
      error: expect.objectContaining({ message: expect.stringMatching(/^camt053 BkToCstmrStmt\/Stmt\[1\]\/Bal: no opening balance of type OPBD or PRCD/) }),
    });
  });

  it('reads under the standard profile when no account of the format is configured, so the refusal can name the account; a file only a profile reads stays malformed', () => {
    expect(readStatementFile(LITHUANIAN.replace(/LT007180000000000000/g, 'LT000000000000000001'), 'camt053', new BankAccountRegistry([]))).toMatchObject({
      kind: 'malformed',
    });
    expect(readStatementFile(sampleFile('jejik_ing.sta').toString('utf8'), 'mt940', new BankAccountRegistry([]))).toMatchObject({
      kind: 'read',
      statements: [{ statement: { account: '0001234567' }, lookup: { kind: 'unknown' } }],
    });
  });
});
