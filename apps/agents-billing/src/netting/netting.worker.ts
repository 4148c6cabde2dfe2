import { Injectable } from '@nestjs/common';

import { ScheduledPass } from '@payments/runtime';

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
export class NettingWorker extends ScheduledPass {
  constructor(
    private readonly netting: NettingRepository,
    private readonly netDay: NetDayUseCase,
  ) {
    super({ name: 'netting', minGapMs: MIN_GAP_MS, maxGapMs: SAFETY_MS, retryAfterMs: MIN_GAP_MS });
  }

  /** One pass; resolves to when the next day closes (or soon again while days are left to catch up). */
  protected async pass(now: Date): Promise<Date | undefined> {
    let day = await this.netting.nextDayToNet();
    for (let netted = 0; day !== undefined && isClosedDay(day, now); netted += 1, day = nextDay(day)) {
      if (netted === DAYS_PER_PASS) return now;
      const outcome = await this.netDay.execute(day, now);
      if (outcome.kind !== 'netted') return undefined;
      await this.netting.markDayNetted(day, outcome.settlements.length, now);
      if (outcome.settlements.length > 0) this.logger.log(`netted ${day}: ${outcome.settlements.length} settlement(s)`);
    }
    return day === undefined ? undefined : new Date(dayBounds(day).end.getTime() + NETTING_GRACE_MS);
  }
}
