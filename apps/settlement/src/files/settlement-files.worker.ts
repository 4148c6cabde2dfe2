import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import type { SettlementFilesEnv } from './config/settlement-files-env';
import { fileNameOf, layoutNamed } from './acquirer-file.writer';
import { SettlementFileRepository } from './settlement-file.repository';
import { SETTLEMENT_FILES_ENV, SettlementFileSender } from './settlement-file.sender';

/** Closed batches given a file per pass, and files sent per pass. */
const BATCH = 20;
const MIN_GAP_MS = 1_000;
/** A file being written and sent is not taken by another pass before this has passed. */
export const FILE_LEASE_MS = 15 * 60_000;

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
  private readonly passes: PassScheduler;
  private running?: Promise<Date | undefined>;

  constructor(
    private readonly files: SettlementFileRepository,
    private readonly sender: SettlementFileSender,
    @Inject(SETTLEMENT_FILES_ENV) private readonly env: SettlementFilesEnv,
  ) {
    this.passes = new PassScheduler(() => this.runOnce(), { minGapMs: MIN_GAP_MS, maxGapMs: env.SETTLEMENT_FILES_PASS_MS });
  }

  onApplicationBootstrap(): void {
    if (Object.keys(this.env.SETTLEMENT_FILES).length > 0) this.passes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
    await this.running;
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    this.running ??= this.pass(now)
      .catch((error: unknown) => {
        this.logger.error(`settlement files pass failed: ${messageOf(error)}`);
        return new Date(Date.now() + MIN_GAP_MS);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: Date): Promise<Date | undefined> {
    await this.schedule(now);
    for (let sent = 0; sent < BATCH; sent += 1) {
      const file = await this.files.claimDue(now, new Date(now.getTime() + FILE_LEASE_MS));
      if (!file) break;
      try {
        await this.sender.send(file, now);
        this.logger.log(`settlement file ${file.fileName} of batch ${file.batchId} sent`);
      } catch (error) {
        const message = await this.sender.recordFailedAttempt(file, error, now);
        this.logger.warn(`settlement file ${file.fileName} of batch ${file.batchId}: attempt ${file.attempts + 1} failed: ${message}`);
      }
    }
    return this.files.nextDueAt();
  }

  private async schedule(now: Date): Promise<void> {
    const configs = this.env.SETTLEMENT_FILES;
    for (const batch of await this.files.unscheduled(Object.keys(configs), BATCH)) {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
