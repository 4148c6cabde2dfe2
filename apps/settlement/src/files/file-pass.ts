import { Logger } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

/** Files given their rows per pass, and files sent per pass. */
const BATCH = 20;
const MIN_GAP_MS = 1_000;
/** A file being written and sent is not taken by another pass before this has passed. */
export const FILE_LEASE_MS = 15 * 60_000;

/** A table of files to send: its missing rows made, then each due one taken (leased), sent, or its failure recorded. */
export interface FileQueue<F extends { readonly attempts: number }> {
  /** Makes the rows of what has become due a file (at most `limit`). */
  schedule(now: Date, limit: number): Promise<void>;
  claimDue(now: Date, leaseUntil: Date): Promise<F | undefined>;
  send(file: F, now: Date): Promise<unknown>;
  /** Returns the error's message. */
  recordFailedAttempt(file: F, error: unknown, now: Date): Promise<string>;
  nextDueAt(): Promise<Date | undefined>;
  /** How the logs name a file. */
  label(file: F): string;
}

/** A file table's due files, as its repository gives them. */
export interface DueFiles<F> {
  claimDue(now: Date, leaseUntil: Date): Promise<F | undefined>;
  nextDueAt(): Promise<Date | undefined>;
}

/** Sends a file, or records why it could not (returning the error's message). */
export interface FileSender<F> {
  send(file: F, now: Date): Promise<unknown>;
  recordFailedAttempt(file: F, error: unknown, now: Date): Promise<string>;
}

/** The queue of a file table from its repository, its sender, how its missing rows are made and how the logs name a file. */
export function fileQueueOf<F extends { readonly attempts: number }>(
  files: DueFiles<F>,
  sender: FileSender<F>,
  schedule: (now: Date, limit: number) => Promise<void>,
  label: (file: F) => string,
): FileQueue<F> {
  return {
    schedule,
    claimDue: (now, leaseUntil) => files.claimDue(now, leaseUntil),
    send: (file, now) => sender.send(file, now),
    recordFailedAttempt: (file, error, now) => sender.recordFailedAttempt(file, error, now),
    nextDueAt: () => files.nextDueAt(),
    label,
  };
}

/**
 * The pass over a file table: one at a time, at most `maxGapMs` apart (sooner when a file is due),
 * all of it read from the database, so what a stopped process left is taken by the next pass.
 */
export class FilePass<F extends { readonly attempts: number }> {
  private readonly passes: PassScheduler;
  private running?: Promise<Date | undefined>;

  constructor(
    private readonly logger: Logger,
    private readonly queue: FileQueue<F>,
    maxGapMs: number,
  ) {
    this.passes = new PassScheduler(() => this.runOnce(), { minGapMs: MIN_GAP_MS, maxGapMs });
  }

  start(): void {
    this.passes.start();
  }

  async stop(): Promise<void> {
    await this.passes.stop();
    await this.running;
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    this.running ??= this.pass(now)
      .catch((error: unknown) => {
        this.logger.error(`pass failed: ${messageOf(error)}`);
        return new Date(Date.now() + MIN_GAP_MS);
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: Date): Promise<Date | undefined> {
    const { queue } = this;
    await queue.schedule(now, BATCH);
    for (let sent = 0; sent < BATCH; sent += 1) {
      const file = await queue.claimDue(now, new Date(now.getTime() + FILE_LEASE_MS));
      if (!file) break;
      try {
        await queue.send(file, now);
        this.logger.log(`${queue.label(file)} sent`);
      } catch (error) {
        const message = await queue.recordFailedAttempt(file, error, now);
        this.logger.warn(`${queue.label(file)}: attempt ${file.attempts + 1} failed: ${message}`);
      }
    }
    return queue.nextDueAt();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
