import { join, resolve } from 'node:path';

/**
 * The embedded mode's acquirer files: kept under the data folder (work files and the archive in
 * `settlement-files/`), and unless SETTLEMENT_FILES says otherwise, the default acquirer's file of
 * each closed day written in the shipped CSV layout into `settlement-files/outgoing/`. With
 * DATA_DIR=memory nothing is kept, so no file is made unless SETTLEMENT_FILES asks for one.
 * Likewise the day's journal-entry files of the default acquirer's postings (unless
 * SETTLEMENT_JOURNAL_FILES says otherwise), in the shipped layout, into `settlement-files/journal/`.
 */
export function embeddedSettlementFilesEnv(dataDir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (dataDir === 'memory') return {};
  const filesDir = resolve(dataDir, 'settlement-files');
  const acquirerId = env.SETTLEMENT_DEFAULT_ACQUIRER || 'default';
  const defaultFile = {
    layout: 'acquirer-transactions-csv',
    values: { acquirerId: acquirerId.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'DEFAULT' },
    folder: '',
    delivery: { kind: 'folder', path: join(filesDir, 'outgoing') },
  };
  const journalFiles = {
    layout: 'journal-entries-csv',
    values: { ledgerId: 'PAYGL' },
    folder: '',
    delivery: { kind: 'folder', path: join(filesDir, 'journal') },
    acquirers: [acquirerId],
  };
  return {
    SETTLEMENT_FILES_DIR: filesDir,
    SETTLEMENT_FILES: JSON.stringify({ [acquirerId]: defaultFile }),
    SETTLEMENT_JOURNAL_FILES: JSON.stringify(journalFiles),
  };
}
