import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import type { SettlementFilesEnv } from '../files/config/settlement-files-env';
import { layoutNamed } from '../files/acquirer-file.writer';
import { SETTLEMENT_FILES_ENV } from '../files/settlement-file.sender';
import { FILE_LEASE_MS } from '../files/settlement-files.worker';
import type { JournalFilesConfig } from './config/journal-files-env';
import { JournalFileRepository } from './journal-file.repository';
import { JOURNAL_FILES_CONFIG, JournalFileSender } from './journal-file.sender';
import { journalFileNameOf } from './journal-file.writer';

/** Days given their files per pass, and files sent per pass. */
const BATCH = 20;
const MIN_GAP_MS = 1_000;

/**
 * The journal files pass (as often as the acquirer files' pass): each business day that every
 * configured acquirer has closed gets a journal file row per currency of its entries (the next
 * sequence, kept for good), then every due pending file is written and sent. All of it is read
 * from the database, so a day closed while the process was down is taken by the next pass. A day
 * that does not balance is never sent: the attempt fails naming the day, currency and sums.
 */
@Injectable()
export class JournalFilesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JournalFilesWorker.name);
  private readonly passes: PassScheduler;
  private running?: Promise<Date | undefined>;

  constructor(
    private readonly files: JournalFileRepository,
    private readonly sender: JournalFileSender,
    @Inject(JOURNAL_FILES_CONFIG) private readonly config: JournalFilesConfig | undefined,
    @Inject(SETTLEMENT_FILES_ENV) env: SettlementFilesEnv,
  ) {
    this.passes = new PassScheduler(() => this.runOnce(), { minGapMs: MIN_GAP_MS, maxGapMs: env.SETTLEMENT_FILES_PASS_MS });
  }

  onApplicationBootstrap(): void {
    if (this.config) this.passes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
    await this.running;
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    this.running ??= this.pass(now)
      .catch((error: unknown) => {
        this.logger.error(`journal files pass failed: ${messageOf(error)}`);
        return new Date(Date.now() + MIN_GAP_MS);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: Date): Promise<Date | undefined> {
    if (!this.config) return undefined;
    await this.schedule(this.config, now);
    for (let sent = 0; sent < BATCH; sent += 1) {
      const file = await this.files.claimDue(now, new Date(now.getTime() + FILE_LEASE_MS));
      if (!file) break;
      try {
        await this.sender.send(file, now);
        this.logger.log(`journal file ${file.fileName} sent`);
      } catch (error) {
        const message = await this.sender.recordFailedAttempt(file, error, now);
        this.logger.error(`journal file ${file.fileName}: attempt ${file.attempts + 1} failed: ${message}`);
      }
    }
    return this.files.nextDueAt();
  }

  private async schedule(config: JournalFilesConfig, now: Date): Promise<void> {
    const { acquirers, layout, values } = config;
    const compiled = layoutNamed(layout);
    for (const businessDay of await this.files.readyDays(acquirers, BATCH)) {
      const nameOf = (currency: string, sequence: number) => journalFileNameOf(compiled, { businessDay, currency, sequence, values, createdAt: now });
      await this.files.schedule(businessDay, { acquirers, layout, values, createdAt: now }, nameOf);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
