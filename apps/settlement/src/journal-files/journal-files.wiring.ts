import type { Provider, Type } from '@nestjs/common';

import { layoutNamed } from '../files/acquirer-file.writer';
import { type JournalFilesConfig, loadJournalFilesEnv } from './config/journal-files-env';
import { JournalFileRepository } from './journal-file.repository';
import { JOURNAL_FILES_CONFIG, JournalFileSender } from './journal-file.sender';
import { JournalFilesController } from './journal-files.controller';
import { JournalFilesWorker } from './journal-files.worker';

/**
 * The journal files' controllers and providers. They use the acquirer files' folder, retries and
 * delivery (SETTLEMENT_FILES_DIR and the rest): the files feature must be wired too. A bad
 * configuration or a layout that does not load stops the boot, naming SETTLEMENT_JOURNAL_FILES.
 */
export function journalFilesModule(env: NodeJS.ProcessEnv): { controllers: Type[]; providers: Provider[] } {
  const config = withLayoutChecked(loadJournalFilesEnv(env).SETTLEMENT_JOURNAL_FILES);
  return {
    controllers: [JournalFilesController],
    providers: [{ provide: JOURNAL_FILES_CONFIG, useValue: config }, JournalFileRepository, JournalFileSender, JournalFilesWorker],
  };
}

function withLayoutChecked(config: JournalFilesConfig | undefined): JournalFilesConfig | undefined {
  if (!config) return undefined;
  try {
    layoutNamed(config.layout);
  } catch (error) {
    throw new Error(`SETTLEMENT_JOURNAL_FILES: ${error instanceof Error ? error.message : String(error)}`);
  }
  return config;
}
