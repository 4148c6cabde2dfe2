import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import type { SettlementFilesEnv } from './config/settlement-files-env';
import { fileNameOf, layoutNamed } from './acquirer-file.writer';
import { FilePass, fileQueueOf, messageOf } from './file-pass';
import type { SettlementFile } from './settlement-file';
import { SettlementFileRepository } from './settlement-file.repository';
import { SETTLEMENT_FILES_ENV, SettlementFileSender } from './settlement-file.sender';

export { FILE_LEASE_MS } from './file-pass';

/**
 * The files pass: each closed batch of an acquirer with a file configuration gets its file row
 * (the acquirer's next sequence, kept for good), then every due pending file is written and sent.
 * All of it is read from the database, so a batch closed while the process was down, or a file
 * not sent before a restart, is taken by the next pass. A failed sending is retried with a
 * doubling wait; after SETTLEMENT_FILES_MAX_ATTEMPTS the file is failed, with its last error.
 */
@Injectable()
export class SettlementFilesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SettlementFilesWorker.name);
  private readonly pass: FilePass<SettlementFile>;

  constructor(
    private readonly files: SettlementFileRepository,
    sender: SettlementFileSender,
    @Inject(SETTLEMENT_FILES_ENV) private readonly env: SettlementFilesEnv,
  ) {
    const queue = fileQueueOf(
      files,
      sender,
      (now, limit) => this.schedule(now, limit),
      (file: SettlementFile) => `settlement file ${file.fileName} of batch ${file.batchId}`,
    );
    this.pass = new FilePass(this.logger, queue, env.SETTLEMENT_FILES_PASS_MS);
  }

  onApplicationBootstrap(): void {
    if (Object.keys(this.env.SETTLEMENT_FILES).length > 0) this.pass.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pass.stop();
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    return this.pass.runOnce(now);
  }

  private async schedule(now: Date, limit: number): Promise<void> {
    const configs = this.env.SETTLEMENT_FILES;
    for (const batch of await this.files.unscheduled(Object.keys(configs), limit)) {
      const { layout, values } = configs[batch.acquirerId];
      try {
        const compiled = layoutNamed(layout);
        const nameOf = (sequence: number) => fileNameOf(compiled, { ...batch, sequence, values, createdAt: now });
        await this.files.schedule(batch, { layout, values, createdAt: now, nameOf });
      } catch (error) {
        this.logger.error(`no file for batch ${batch.batchId} of ${batch.acquirerId}: ${messageOf(error)}`);
      }
    }
  }
}
