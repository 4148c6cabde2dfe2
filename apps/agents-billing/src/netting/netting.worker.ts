import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import { NetDayUseCase } from './net-day.usecase';
import { NettingRepository } from './netting.repository';
import { dayBounds, isClosedDay, NETTING_GRACE_MS, nextDay } from './settlement';

/** Days netted by one pass at most (a service that was down a long while catches up pass by pass). */
const DAYS_PER_PASS = 31;
const MIN_GAP_MS = 60_000;
const SAFETY_MS = 15 * 60_000;

/**
 * Nets each closed UTC day in order, from the day after the last one netted (or the day of the ledger's
 * first transfer). A day is recorded as netted only once all its settlements are settled, so a
 * process stopped in the middle nets the same day again on its next pass, which posts only what
 * is missing (see NetDayUseCase).
 */
@Injectable()
export class NettingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NettingWorker.name);
  private readonly passes = new PassScheduler(() => this.runOnce(), { minGapMs: MIN_GAP_MS, maxGapMs: SAFETY_MS });

  constructor(
    private readonly netting: NettingRepository,
    private readonly netDay: NetDayUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass; resolves to when the next day closes (or soon again while days are left to catch up). */
  async runOnce(now = new Date()): Promise<Date | undefined> {
    try {
      let day = await this.netting.nextDayToNet();
      for (let netted = 0; day !== undefined && isClosedDay(day, now); netted += 1, day = nextDay(day)) {
        if (netted === DAYS_PER_PASS) return now;
        const outcome = await this.netDay.execute(day, now);
        if (outcome.kind !== 'netted') return undefined;
        await this.netting.markDayNetted(day, outcome.settlements.length, now);
        if (outcome.settlements.length > 0) this.logger.log(`netted ${day}: ${outcome.settlements.length} settlement(s)`);
      }
      return day === undefined ? undefined : new Date(dayBounds(day).end.getTime() + NETTING_GRACE_MS);
    } catch (error) {
      this.logger.error(`netting pass failed: ${error instanceof Error ? error.message : String(error)}`);
      return new Date(Date.now() + MIN_GAP_MS);
    }
  }
}
