import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { balancedTotalsOf, type JournalEntryRow, journalDetailOf, UnbalancedJournalError } from './journal-entry';
import type { JournalFileRecipe } from './journal-file';
import { writeJournalFile } from './journal-file.writer';

const DAY = '2026-12-01';
const POSTING = '0b5f6a1e-0000-4000-8000-000000000001';
const BATCH = '7c1d2e3f-0000-4000-8000-000000000009';

const entry = (side: 'debit' | 'credit', change: Partial<JournalEntryRow> = {}): JournalEntryRow => ({
  posting_id: POSTING,
  batch_id: BATCH,
  acquirer_id: 'acq-cz',
  side,
  account: side === 'debit' ? '1011' : '2010',
  currency: 'EUR',
  amount_minor: '8850',
  debit_account: '1011',
  credit_account: '2010',
  line_count: 4,
  ...change,
});

describe(journalDetailOf.name, () => {
  it('books a debit entry on the business day as D, with its posting and batch as references and both accounts in the narrative', () => {
    expect(journalDetailOf(entry('debit'), DAY)).toEqual({
      entryDate: DAY,
      account: '1011',
      debitCredit: 'D',
      amountMinor: 8850n,
      currency: 'EUR',
      reference: POSTING,
      batchId: BATCH,
      narrative: 'settlement acq-cz 2026-12-01 DR 1011 CR 2010 4 lines',
    });
  });

  it('books the credit entry of the same posting as C on the credit account', () => {
    expect(journalDetailOf(entry('credit'), DAY)).toMatchObject({ account: '2010', debitCredit: 'C', amountMinor: 8850n });
  });
});

describe(balancedTotalsOf.name, () => {
  const details = (...rows: JournalEntryRow[]) => rows.map((row) => journalDetailOf(row, DAY));

  it('adds up a balanced day', () => {
    const day = details(entry('debit'), entry('credit'), entry('debit', { amount_minor: '100' }), entry('credit', { amount_minor: '100' }));
    expect(balancedTotalsOf(DAY, 'EUR', day)).toEqual({ entryCount: 4, debitMinor: 8950n, creditMinor: 8950n });
  });

  it('refuses a day whose debits differ from its credits, naming the day, currency and both sums', () => {
    const day = details(entry('debit'), entry('credit', { amount_minor: '8849' }));
    expect(() => balancedTotalsOf(DAY, 'EUR', day)).toThrow(UnbalancedJournalError);
    expect(() => balancedTotalsOf(DAY, 'EUR', day)).toThrow('journal of 2026-12-01 in EUR does not balance: debits 8850, credits 8849');
  });

  it('refuses an entry of another currency in the file', () => {
    expect(() => balancedTotalsOf(DAY, 'CZK', details(entry('debit'), entry('credit')))).toThrow(`entry ${POSTING} is in EUR`);
  });
});

describe(writeJournalFile.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const recipe: JournalFileRecipe = {
    id: 'f',
    businessDay: DAY,
    currency: 'EUR',
    sequence: 3,
    acquirers: ['acq-cz'],
    layout: 'journal-entries-csv',
    values: { ledgerId: 'PAYGL' },
    fileName: 'JE_PAYGL_20261201_EUR_0003.csv',
    createdAt: new Date('2026-12-02T00:05:00Z'),
  };

  it('writes nothing for an unbalanced day', async () => {
    const path = join(dir, 'unbalanced.csv');
    await expect(writeJournalFile(recipe, [entry('debit'), entry('credit', { amount_minor: '1' })], path)).rejects.toThrow(UnbalancedJournalError);
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it('writes the header, an entry per line and a trailer with the count and both totals', async () => {
    const path = join(dir, 'balanced.csv');
    const written = await writeJournalFile(recipe, [entry('debit'), entry('credit')], path);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'H;PAYGL;2026-12-01;EUR;2026-12-02T00:05:00Z;3',
      `D;2026-12-01;1011;D;88.50;EUR;${POSTING};${BATCH};settlement acq-cz 2026-12-01 DR 1011 CR 2010 4 lines`,
      `D;2026-12-01;2010;C;88.50;EUR;${POSTING};${BATCH};settlement acq-cz 2026-12-01 DR 1011 CR 2010 4 lines`,
    ]);
    expect(lines[3]).toMatch(/^T;2;8850;8850;[0-9a-f]{64}$/);
    expect(written).toMatchObject({ entryCount: 2, debitMinor: 8850n, creditMinor: 8850n });
  });
});
