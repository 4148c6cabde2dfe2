import { Injectable } from '@nestjs/common';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { UnmappedLinesError } from '../postings/posting';
import { SettlementBatch } from './settlement-batch';
import { SettlementBatchRepository } from './settlement-batch.repository';

export interface CloseBusinessDayCommand {
  readonly acquirerId: string;
  /** YYYY-MM-DD, a day that exists (validated at the edge). */
  readonly businessDay: string;
  readonly now: Date;
}

export type CloseBusinessDayOutcome =
  /** `created`: this call closed it; otherwise the day was already closed and this is its batch. */
  | { readonly kind: 'closed'; readonly batch: SettlementBatch; readonly created: boolean }
  | { readonly kind: 'unknown_acquirer'; readonly acquirerId: string }
  /** The day has not reached its cut-off yet: nothing was written. */
  | { readonly kind: 'day_not_ended'; readonly endsAt: Date; readonly cutOff: string }
  /** Some of the day's lines match no posting rule (named in `reason`): nothing was written, the day stays open. */
  | { readonly kind: 'unmapped_lines'; readonly reason: string };

/**
 * Close of day for one acquirer: freezes the day's lines (and late ones of closed days) into one
 * batch with its totals, once. Closing a closed day returns the same batch; a day is never
 * reopened, and what arrives for it afterwards is a late line of the next day.
 */
@Injectable()
export class CloseBusinessDayUseCase {
  constructor(
    private readonly calendar: BusinessDayCalendar,
    private readonly batches: SettlementBatchRepository,
  ) {}

  async execute({ acquirerId, businessDay, now }: CloseBusinessDayCommand): Promise<CloseBusinessDayOutcome> {
    if (!this.calendar.isConfigured(acquirerId) && !(await this.batches.hasLines(acquirerId))) return { kind: 'unknown_acquirer', acquirerId };
    const existing = await this.batches.findByDay(acquirerId, businessDay);
    if (existing) return { kind: 'closed', batch: existing, created: false };
    const cutOff = this.calendar.cutOffOf(acquirerId);
    const endsAt = cutOff.endOf(businessDay);
    if (now.getTime() < endsAt.getTime()) return { kind: 'day_not_ended', endsAt, cutOff: `${cutOff.localTime} ${cutOff.timeZone}` };
    let closed: SettlementBatch | undefined;
    try {
      closed = await this.batches.close(acquirerId, businessDay);
    } catch (error) {
      if (error instanceof UnmappedLinesError) return { kind: 'unmapped_lines', reason: error.message };
      throw error;
    }
    if (closed) return { kind: 'closed', batch: closed, created: true };
    // A concurrent close committed first: its batch is the day's.
    const winner = await this.batches.findByDay(acquirerId, businessDay);
    if (!winner) throw new Error(`close of ${acquirerId} ${businessDay}: the batch that conflicted is not there`);
    return { kind: 'closed', batch: winner, created: false };
  }
}
