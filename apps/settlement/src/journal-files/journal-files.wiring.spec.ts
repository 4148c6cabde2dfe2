import { loadJournalFilesEnv } from './config/journal-files-env';
import { journalFilesModule } from './journal-files.wiring';

const config = (change: Record<string, unknown> = {}) =>
  JSON.stringify({
    layout: 'journal-entries-csv',
    values: { ledgerId: 'GL01' },
    delivery: { kind: 'folder', path: '/srv/gl' },
    acquirers: ['b', 'a', 'b'],
    ...change,
  });

describe(journalFilesModule.name, () => {
  it('makes no journal file without SETTLEMENT_JOURNAL_FILES', () => {
    expect(loadJournalFilesEnv({}).SETTLEMENT_JOURNAL_FILES).toBeUndefined();
  });

  it('takes the shipped layout, each acquirer once', () => {
    expect(loadJournalFilesEnv({ SETTLEMENT_JOURNAL_FILES: config() }).SETTLEMENT_JOURNAL_FILES).toMatchObject({ folder: '', acquirers: ['a', 'b'] });
  });

  it('stops the boot without acquirers, or on a layout that is neither shipped nor a file, naming the variable', () => {
    expect(() => journalFilesModule({ SETTLEMENT_JOURNAL_FILES: config({ acquirers: [] }) })).toThrow(/SETTLEMENT_JOURNAL_FILES.*acquirers/);
    expect(() => journalFilesModule({ SETTLEMENT_JOURNAL_FILES: config({ layout: 'journal-entries-xml' }) })).toThrow(
      'SETTLEMENT_JOURNAL_FILES: layout "journal-entries-xml" is neither shipped',
    );
  });
});
