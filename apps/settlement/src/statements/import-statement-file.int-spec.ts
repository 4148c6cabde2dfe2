import { join } from 'node:path';

import { openScratchSchema, type ScratchSchema } from '@payments/persistence/testing';

import { BankAccountRegistry, ConfiguredBankAccount } from './bank-account.config';
import { ImportStatementFileOutcome, ImportStatementFileUseCase } from './import-statement-file.usecase';
import { StatementImport } from './statement-import';
import { StatementImportRepository } from './statement-import.repository';
import { genericMt940, POSTFINANCE, POSTFINANCE_ACCOUNT, SAMPLE_ACCOUNTS, sampleFile } from './testing/statement-files.fixture';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');

/** What an operator reads first of each stored statement: whose, what it starts and ends with, how many lines. */
const summaryOf = (statementImport: StatementImport) =>
  statementImport.statements.map((s) => ({
    bankAccountId: s.bankAccountId,
    sequence: s.sequence?.number ?? null,
    opening: s.opening?.amountMinor ?? null,
    closing: s.closing?.amountMinor ?? null,
    entries: s.entryCount,
  }));

/** Bank statement imports on real PostgreSQL and on PGlite (the embedded mode), each in a schema of its own. */
describe.each(['postgres', 'pglite'] as const)(`${ImportStatementFileUseCase.name} (%s)`, (kind) => {
  let scratch: ScratchSchema;
  let repository: StatementImportRepository;
  let sut: ImportStatementFileUseCase;

  const importerWith = (accounts: readonly ConfiguredBankAccount[]) => new ImportStatementFileUseCase(new BankAccountRegistry(accounts), repository);
  const imported = async (outcome: Promise<ImportStatementFileOutcome>): Promise<StatementImport & { created: boolean }> => {
    const result = await outcome;
    if (result.kind !== 'imported') throw new Error(`expected the file imported, got ${JSON.stringify(result)}`);
    return { ...result.statementImport, created: result.created };
  };
  const count = async (table: string) => Number((await scratch.db.connection.query<{ n: string }>(`SELECT count(*)::text AS "n" FROM "${table}"`))[0].n);
  const storedCounts = async () => ({
    imports: await count('statement_import'),
    statements: await count('bank_statement'),
    entries: await count('bank_statement_entry'),
    events: await count('outbox_message'),
  });

  beforeAll(async () => {
    scratch = await openScratchSchema(kind, { appSchema: 'settlement', migrationsDir: MIGRATIONS, url, poolSize: 6 });
    repository = new StatementImportRepository(scratch.db.connection);
    sut = importerWith(SAMPLE_ACCOUNTS);
  });
  afterAll(() => scratch?.close());
  beforeEach(() =>
    scratch.db.connection.exec(
      `DELETE FROM "bank_statement_entry"; DELETE FROM "bank_statement"; DELETE FROM "statement_import"; DELETE FROM "outbox_message"`,
    ),
  );

  it.each([
    ['FI_camt_053_sample.xml', 'camt053', [{ bankAccountId: 'fi-eur', sequence: 120, opening: 1_000_000n, closing: 2_364_483n, entries: 10 }]],
    ['statement_1.xml', 'camt053', [{ bankAccountId: 'lt-eur', sequence: 44, opening: 276_808n, closing: 0n, entries: 4 }]],
    ['genkgo_camt054.v8.xml', 'camt054', [{ bankAccountId: 'genkgo-sek', sequence: 12312, opening: null, closing: null, entries: 1 }]],
    [
      'cmxl_mt940.sta',
      'mt940',
      [
        { bankAccountId: 'cmxl-dem', sequence: 27, opening: 8_434_974n, closing: 8_443_704n, entries: 11 },
        { bankAccountId: 'cmxl-eur', sequence: 5, opening: 218_795n, closing: 438_795n, entries: 2 },
        { bankAccountId: 'cmxl-pln', sequence: 84, opening: 4_000_000n, closing: 5_004_000n, entries: 3 },
      ],
    ],
    [
      'jejik_generic.sta',
      'mt940',
      [
        { bankAccountId: 'generic-eur', sequence: 1, opening: 10_000n, closing: 9_000n, entries: 1 },
        { bankAccountId: 'generic-eur', sequence: 2, opening: 9_000n, closing: 8_000n, entries: 1 },
      ],
    ],
  ] as const)('imports %s with its balances and entry counts', async (file, format, expected) => {
    const result = await imported(sut.execute({ file: sampleFile(file), format, fileName: file, importedBy: 'a1b2c3d4e5f6' }));

    expect(result).toMatchObject({ created: true, fileName: file, format, importedBy: 'a1b2c3d4e5f6', gapReason: null });
    expect(summaryOf(result)).toEqual(expected);
    const reread = await repository.findImport(result.id);
    expect(reread && summaryOf(reread)).toEqual(expected);
    const entryCount = expected.reduce((sum, s) => sum + s.entries, 0);
    expect(await storedCounts()).toEqual({ imports: 1, statements: expected.length, entries: entryCount, events: expected.length });
  });

  it('stores the entries in minor units with their dates, references and remittance text, and the booked sums', async () => {
    const { statements } = await imported(sut.execute({ file: sampleFile('FI_camt_053_sample.xml'), format: 'camt053' }));

    const entries = await repository.findEntries(statements[0].id);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({
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
    expect(entries[8]).toMatchObject({ reference: 'EndToEndIdSCT01', remittanceInfo: 'RF98123456789012', direction: 'credit' });
    // Its own summary: credits 23075.00, debits 9430.17; 10000.00 + 23075.00 - 9430.17 = 23644.83.
    expect(statements[0]).toMatchObject({ creditMinor: 2_307_500n, debitMinor: 943_017n });
  });

  it('writes settlement.statement.imported.v1 per statement keyed by the bank account, the account masked, no entry text', async () => {
    const { id, statements } = await imported(sut.execute({ file: sampleFile('FI_camt_053_sample.xml'), format: 'camt053' }));

    const events = await scratch.db.connection.query<{ topic: string; message_key: string; payload: unknown }>(
      `SELECT "topic", "message_key", "payload" FROM "outbox_message"`,
    );
    expect(events.map((e) => ({ ...e, payload: typeof e.payload === 'string' ? (JSON.parse(e.payload) as unknown) : e.payload }))).toEqual([
      {
        topic: 'settlement.statement.imported.v1',
        message_key: 'fi-eur',
        payload: {
          importId: id,
          statementId: statements[0].id,
          bankAccountId: 'fi-eur',
          accountMasked: '****2090',
          format: 'camt053',
          currency: 'EUR',
          sequenceNumber: 120,
          opening: { amountMinor: '1000000', date: '2009-10-29' },
          closing: { amountMinor: '2364483', date: '2009-10-29' },
          entryCount: 10,
          creditMinor: '2307500',
          debitMinor: '943017',
          importedAt: statements[0].importedAt.toISOString(),
        },
      },
    ]);
  });

  it('answers the identical file again with the first import, storing nothing more', async () => {
    const first = await imported(sut.execute({ file: sampleFile('cmxl_mt940.sta'), format: 'mt940', fileName: 'monday.sta' }));
    const again = await imported(sut.execute({ file: sampleFile('cmxl_mt940.sta'), format: 'mt940', fileName: 'renamed.sta' }));

    expect(again).toEqual({ ...first, created: false });
    expect(await storedCounts()).toEqual({ imports: 1, statements: 3, entries: 16, events: 3 });
  });

  it('makes one import of the identical file sent three times at once', async () => {
    const results = await Promise.all(Array.from({ length: 3 }, () => imported(sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'mt940' }))));

    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await storedCounts()).toEqual({ imports: 1, statements: 2, entries: 2, events: 2 });
  });

  it('refuses another file claiming an imported statement, naming the original import', async () => {
    const original = await imported(sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'mt940' }));

    const outcome = await sut.execute({ file: Buffer.from(genericMt940(2, { openingMinor: 9000 })), format: 'mt940' });

    expect(outcome).toEqual({
      kind: 'duplicate',
      reason: `statement GENERIC was imported from another file by import ${original.id}`,
      originalImportId: original.id,
    });
    expect(await storedCounts()).toEqual({ imports: 1, statements: 2, entries: 2, events: 2 });
  });

  it('refuses the identical file sent again as another format, naming the import that read it', async () => {
    const original = await imported(sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'mt940' }));

    expect(await sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'camt053' })).toEqual({
      kind: 'duplicate',
      reason: `this file was imported as mt940 by import ${original.id}`,
      originalImportId: original.id,
    });
  });

  it('refuses the ING MT940, which does not balance, and stores nothing', async () => {
    const outcome = await sut.execute({ file: sampleFile('jejik_ing.sta'), format: 'mt940' });

    expect(outcome).toEqual({
      kind: 'refused',
      reasons: [
        'statement MPBZ (ing-eur): unbalanced: opening 0.00 EUR + entries -45.59 EUR = -45.59 EUR, but the closing balance is 3.47 EUR (difference -49.06 EUR)',
      ],
    });
    expect(await storedCounts()).toEqual({ imports: 0, statements: 0, entries: 0, events: 0 });
  });

  it('stores nothing of a multi-statement MT940 whose second statement does not balance', async () => {
    const file = Buffer.from(genericMt940(1, { openingMinor: 10_000 }) + genericMt940(2, { openingMinor: 9_000, closingMinor: 8_500 }));

    const outcome = await sut.execute({ file, format: 'mt940' });

    expect(outcome).toMatchObject({ kind: 'refused', reasons: [expect.stringMatching(/^statement GENERIC \(generic-eur\): unbalanced: opening 90\.00 EUR/)] });
    expect(await storedCounts()).toEqual({ imports: 0, statements: 0, entries: 0, events: 0 });
  });

  it('refuses a gap in the account series naming the missing number, and imports it when an operator allows it with a reason', async () => {
    await imported(sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'mt940' }));
    const file = Buffer.from(genericMt940(4));

    expect(await sut.execute({ file, format: 'mt940' })).toEqual({
      kind: 'sequence_gap',
      reasons: ['account generic-eur: statement 3 is missing between 2 and 4'],
    });
    expect(await count('bank_statement')).toBe(2);

    const allowed = await imported(sut.execute({ file, format: 'mt940', allowGap: { reason: 'statement 3 never sent: bank ticket 4711' } }));
    expect(allowed).toMatchObject({ created: true, gapReason: 'statement 3 never sent: bank ticket 4711' });
    expect((await repository.findImport(allowed.id))?.gapReason).toBe('statement 3 never sent: bank ticket 4711');
  });

  it('continues the series without a gap', async () => {
    await imported(sut.execute({ file: sampleFile('jejik_generic.sta'), format: 'mt940' }));

    await expect(imported(sut.execute({ file: Buffer.from(genericMt940(3)), format: 'mt940' }))).resolves.toMatchObject({ created: true, gapReason: null });
  });

  it('refuses the PostFinance camt.053 without its bank profile and imports it with postfinance-value-dated configured', async () => {
    const refused = await importerWith([POSTFINANCE_ACCOUNT]).execute({ file: sampleFile(POSTFINANCE), format: 'camt053' });
    expect(refused).toMatchObject({
      kind: 'refused',
      reasons: [expect.stringMatching(/unbalanced: .*difference 1537\.00 CHF.*ask for the bank profile postfinance-value-dated$/)],
    });
    expect(await count('bank_statement')).toBe(0);

    const result = await imported(
      importerWith([{ ...POSTFINANCE_ACCOUNT, profile: 'postfinance-value-dated' }]).execute({ file: sampleFile(POSTFINANCE), format: 'camt053' }),
    );
    expect(result.statements).toEqual([
      expect.objectContaining({
        bankAccountId: 'postfinance-chf',
        profile: 'postfinance-value-dated',
        opening: { amountMinor: 21_199_319n, date: '2020-11-24' },
        closing: { amountMinor: 21_511_221n, date: '2020-11-24' },
        forwardAvailable: { amountMinor: 21_664_921n, date: '2020-11-25' },
        entryCount: 5,
        warnings: ['value-dated-entries: outside the closing balance (profile postfinance-value-dated): 1 entry value-dated after 2020-11-24 (1537.00 CHF)'],
      }),
    ]);
  });

  it.each([
    ['genkgo_camt053.v4.xml', 'camt053', /^statement 253EURNL26VAYB8060476890 \(genkgo-eur\): currency-mismatch: /],
    ['FI_camt_054_sample.xml', 'camt054', /^statement BANKFILEID00001NTR00001 \(fi-eur-notifications\): summary-mismatch: TxsSummry declares net/],
  ] as const)('refuses %s for what the statement contradicts in itself', async (file, format, reason) => {
    expect(await sut.execute({ file: sampleFile(file), format })).toEqual({ kind: 'refused', reasons: [expect.stringMatching(reason)] });
    expect(await count('bank_statement')).toBe(0);
  });

  it('refuses a statement of an account that is not configured, or configured in another currency, naming the account', async () => {
    const others = SAMPLE_ACCOUNTS.filter((a) => a.id !== 'cmxl-eur' && a.id !== 'cmxl-pln');
    const outcome = await importerWith([
      ...others,
      { id: 'cmxl-pln', account: 'BPHKPLPK/320000546101', currency: 'EUR', format: 'mt940', profile: 'standard' },
    ]).execute({
      file: sampleFile('cmxl_mt940.sta'),
      format: 'mt940',
    });

    expect(outcome).toEqual({
      kind: 'refused',
      reasons: [
        'statement 1234567: account 10020030/1234567 is not a configured bank account (SETTLEMENT_BANK_ACCOUNTS)',
        'statement TELEWIZORY S.A. (cmxl-pln): unexpected-currency: is in PLN, expected EUR',
      ],
    });
    expect(await count('bank_statement')).toBe(0);
  });

  it.each([
    ['musterfile_pain.001_Nov2020.xml', 'camt053', /^camt053 Document: this is pain\.001/],
    ['cmxl_mt940.sta', 'camt053', /^camt053 line 1 column 1: /],
  ] as const)('refuses %s read as %s as malformed, naming where', async (file, format, message) => {
    expect(await sut.execute({ file: sampleFile(file), format })).toEqual({ kind: 'malformed', message: expect.stringMatching(message) });
  });
});
