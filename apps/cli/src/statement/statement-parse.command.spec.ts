import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FakeCliIo } from '../testing/fake-cli-io.util';
import { runStatementParse, type StatementParseOptions } from './statement-parse.command';
import { POSTFINANCE_CAMT053, postFinanceJson, statementFixture } from './statement-fixture.util';

const MT940 = (statementNumber: number) =>
  [
    ':20:S' + statementNumber,
    ':25:DE44500105175407324931',
    `:28C:${statementNumber}/1`,
    ':60F:C260105EUR100,00',
    ':61:2601050105C25,50NTRFE2E-1',
    ':62F:C260105EUR125,50',
    '-',
  ].join('\n');

function tempFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'statement-parse-')), 'statement.sta');
  writeFileSync(path, text);
  return path;
}

async function parse(options: Partial<StatementParseOptions> & { file: string }): Promise<{ code: number; io: FakeCliIo }> {
  const io = new FakeCliIo();
  const code = await runStatementParse({ format: 'camt053', profile: 'standard', ...options }, io);
  return { code, io };
}

describe(runStatementParse.name, () => {
  it('prints the PostFinance statement as one JSON line, unbalanced, and says why on stderr', async () => {
    const { code, io } = await parse({ file: POSTFINANCE_CAMT053 });

    expect(code).toBe(0);
    expect(io.out.endsWith('\n') && !io.out.slice(0, -1).includes('\n')).toBe(true);
    expect(JSON.parse(io.out)).toEqual(postFinanceJson(false));
    expect(io.errLines()).toEqual([
      expect.stringMatching(/^warning: statement 20201124375204229003973: unbalanced: opening 211993\.19 CHF .* postfinance-value-dated$/),
    ]);
  });

  it('balances the PostFinance statement under the profile asked for', async () => {
    const { code, io } = await parse({ file: POSTFINANCE_CAMT053, profile: 'postfinance-value-dated' });

    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toEqual(postFinanceJson(true));
    expect(io.errLines()).toEqual([
      expect.stringMatching(
        /^warning: statement .*: value-dated-entries: outside the closing balance \(profile postfinance-value-dated\): 1 entry value-dated after 2020-11-24/,
      ),
    ]);
  });

  it('prints a camt.054 notification with null balances and balanced null (no balances to check)', async () => {
    const { code, io } = await parse({ format: 'camt054', file: statementFixture('genkgo_camt054.v8.xml') });

    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toEqual({
      statements: [
        {
          id: 'AAAASESS-FP-ACCR001',
          account: 'CH2801234000123456789',
          currency: 'SEK',
          opening: null,
          closing: null,
          entries: [{ amountMinor: 20_000_000, direction: 'debit', bookingDate: '2007-10-18', valueDate: '2007-10-18', reference: 'ACSR160617103200001' }],
          balanced: null,
        },
      ],
    });
  });

  it('prints the ING MT940 statement as unbalanced', async () => {
    const { code, io } = await parse({ format: 'mt940', file: statementFixture('jejik_ing.sta') });

    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ statements: [{ id: 'MPBZ', opening: { amountMinor: 0 }, closing: { amountMinor: 347 }, balanced: false }] });
  });

  it.each<[string, Partial<StatementParseOptions> & { file: string }, string]>([
    [
      'a pain.001, by name',
      { file: statementFixture('musterfile_pain.001_Nov2020.xml') },
      'error: camt053 Document: this is pain.001, a customer credit transfer initiation (a payment order to the bank), not a bank statement (namespace http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd)',
    ],
    ['an unknown format', { format: 'bai2', file: POSTFINANCE_CAMT053 }, 'error: unknown --format bai2; known: camt053, camt054, mt940'],
    [
      'an unknown profile',
      { profile: 'lenient', file: POSTFINANCE_CAMT053 },
      'error: unknown --profile lenient; known: standard, postfinance-value-dated, available-balances',
    ],
    ['a missing file', { file: join(tmpdir(), 'no-such-statement.xml') }, `error: cannot read --file ${join(tmpdir(), 'no-such-statement.xml')} (ENOENT)`],
    [
      'a statement of another account',
      { file: POSTFINANCE_CAMT053, account: 'CH9300762011623852957' },
      'error: statement 20201124375204229003973 is for account CH2909000000250094239, expected CH9300762011623852957',
    ],
    [
      'the same statement twice in one file',
      { format: 'mt940', file: tempFile(`${MT940(7)}\n${MT940(7)}`) },
      'error: account DE44500105175407324931: statement S7 repeats sequence number 7/1 of statement S7',
    ],
    [
      'a gap in the file',
      { format: 'mt940', file: tempFile(`${MT940(7)}\n${MT940(9)}`) },
      'error: account DE44500105175407324931: statement 8 is missing between 7 and 9',
    ],
  ])('refuses %s: exit 1, one error line, nothing on stdout', async (_case, options, line) => {
    const { code, io } = await parse(options);

    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.errLines()).toEqual([line]);
  });
});
