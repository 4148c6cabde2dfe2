import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import type { SettlementFilesEnv } from '../files/config/settlement-files-env';
import { layoutNamed } from '../files/acquirer-file.writer';
import { FilePass, fileQueueOf } from '../files/file-pass';
import { SETTLEMENT_FILES_ENV } from '../files/settlement-file.sender';
import type { JournalFilesConfig } from './config/journal-files-env';
import type { JournalFile } from './journal-file';
import { JournalFileRepository } from './journal-file.repository';
import { JOURNAL_FILES_CONFIG, JournalFileSender } from './journal-file.sender';
import { journalFileNameOf } from './journal-file.writer';

/**
 * The journal files pass (as often as the acquirer files' pass, on the same loop): each business
 * day that every configured acquirer has closed gets a journal file row per currency of its
 * entries (the next sequence, kept for good), then every due pending file is written and sent.
 * All of it is read from the database, so a day closed while the process was down is taken by the
 * next pass. A day that does not balance is never sent: each attempt fails naming the day,
 * currency and both sums, until the file is failed.
 */
@Injectable()
export class JournalFilesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pass: FilePass<JournalFile>;

  constructor(
    private readonly files: JournalFileRepository,
    sender: JournalFileSender,
    @Inject(JOURNAL_FILES_CONFIG) private readonly config: JournalFilesConfig | undefined,
    @Inject(SETTLEMENT_FILES_ENV) env: SettlementFilesEnv,
  ) {
    const queue = fileQueueOf(
      files,
      sender,
      (now, limit) => this.schedule(now, limit),
      (file: JournalFile) => `journal file ${file.fileName}`,
    );
    this.pass = new FilePass(new Logger(JournalFilesWorker.name), queue, env.SETTLEMENT_FILES_PASS_MS);
  }

  onApplicationBootstrap(): void {
    if (this.config) this.pass.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pass.stop();
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    return this.pass.runOnce(now);
  }

  private async schedule(now: Date, limit: number): Promise<void> {
    if (!this.config) return;
    const { acquirers, layout, values } = this.config;
    const compiled = layoutNamed(layout);
    for (const businessDay of await this.files.readyDays(acquirers, limit)) {
      const nameOf = (currency: string, sequence: number) => journalFileNameOf(compiled, { businessDay, currency, sequence, values, createdAt: now });
      await this.files.schedule(businessDay, { acquirers, layout, values, createdAt: now }, nameOf);
    }
  }
}
