import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assertBalancedJournal, type JournalEntryRow, journalDetailOf, JournalTotalsAccumulator, UnbalancedJournalError } from './journal-entry';
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

describe(JournalTotalsAccumulator.name, () => {
  const summed = (currency: string, ...rows: JournalEntryRow[]) => {
    const running = new JournalTotalsAccumulator(DAY, currency);
    for (const row of rows) running.add(journalDetailOf(row, DAY));
    return running.totals;
  };

  it('adds up the entries as they are written', () => {
    const totals = summed('EUR', entry('debit'), entry('credit'), entry('debit', { amount_minor: '100' }), entry('credit', { amount_minor: '100' }));
    expect(totals).toEqual({ entryCount: 4, debitMinor: 8950n, creditMinor: 8950n });
  });

  it('refuses an entry of another currency in the file', () => {
    expect(() => summed('CZK', entry('debit'), entry('credit'))).toThrow(`entry ${POSTING} is in EUR`);
  });
});

describe(assertBalancedJournal.name, () => {
  it('refuses a day whose debits differ from its credits, naming the day, currency and both sums', () => {
    const day = { entryCount: 2, debitMinor: 8850n, creditMinor: 8849n };
    expect(() => assertBalancedJournal(DAY, 'EUR', day)).toThrow(UnbalancedJournalError);
    expect(() => assertBalancedJournal(DAY, 'EUR', day)).toThrow('journal of 2026-12-01 in EUR does not balance: debits 8850, credits 8849');
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
    const unbalanced = { totals: { entryCount: 2, debitMinor: 8850n, creditMinor: 1n }, entries: [entry('debit'), entry('credit', { amount_minor: '1' })] };
    await expect(writeJournalFile(recipe, unbalanced, path)).rejects.toThrow(UnbalancedJournalError);
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it("refuses, and removes, a file whose entries do not add up to the day's sums written in its header and trailer", async () => {
    const path = join(dir, 'short.csv');
    const short = { totals: { entryCount: 4, debitMinor: 17700n, creditMinor: 17700n }, entries: [entry('debit'), entry('credit')] };
    await expect(writeJournalFile(recipe, short, path)).rejects.toThrow(
      "journal of 2026-12-01 in EUR: the entries written (2, debits 8850, credits 8850) are not the day's sums (4, debits 17700, credits 17700); not delivered",
    );
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it('writes the header, an entry per line and a trailer with the count and both totals', async () => {
    const path = join(dir, 'balanced.csv');
    const written = await writeJournalFile(
      recipe,
      { totals: { entryCount: 2, debitMinor: 8850n, creditMinor: 8850n }, entries: [entry('debit'), entry('credit')] },
      path,
    );
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
