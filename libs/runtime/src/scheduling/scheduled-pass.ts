import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from './pass.scheduler';

export interface ScheduledPassOptions {
  /** How the logs name the pass (`netting` logs "netting pass failed: ..."). */
  readonly name: string;
  readonly minGapMs: number;
  readonly maxGapMs: number;
  /** After a failed pass, the next one this soon; absent: when maxGapMs says. */
  readonly retryAfterMs?: number;
}

/**
 * A Nest provider whose work is a background pass on a PassScheduler: started with the
 * application, stopped at shutdown (a running pass is waited for). A pass that throws is logged
 * with the pass's name and tried again after `retryAfterMs`. Subclasses write `pass(now)`; tests and
 * operators run one with `runOnce(now)`.
 */
export abstract class ScheduledPass implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly passes: PassScheduler;

  protected constructor(private readonly schedule: ScheduledPassOptions) {
    this.passes = new PassScheduler(() => this.runOnce(), { minGapMs: schedule.minGapMs, maxGapMs: schedule.maxGapMs });
  }

  /** One pass of the work; resolves to when the next is due (undefined: maxGapMs decides). */
  protected abstract pass(now: Date): Promise<Date | undefined>;

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** Runs one pass now; resolves to when the next is due. Never rejects: a failure is logged. */
  async runOnce(now = new Date()): Promise<Date | undefined> {
    try {
      return await this.pass(now);
    } catch (error) {
      this.logger.error(`${this.schedule.name} pass failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.schedule.retryAfterMs === undefined ? undefined : new Date(Date.now() + this.schedule.retryAfterMs);
    }
  }
}
