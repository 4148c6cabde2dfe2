import { Injectable } from '@nestjs/common';

import { ScheduledPass } from '@payments/runtime';

import { CODE_REVEAL_WINDOW_MS, SellVoucherUseCase } from './sell-voucher.usecase';
import { VoucherSaleRepository } from './voucher-sale.repository';

const BATCH = 100;
const PASS_MS = 30_000;
const SAFETY_MS = 120_000;

/**
 * Finishes the voucher sales a stopped process left reserved, last taken longer ago than the code's
 * reveal window (a live sale posts within milliseconds; the caller's retry finishes it itself and
 * gets the code): posted when the ledger has the sale's transfer, else released so the voucher goes
 * back to the stock, unless a retry took it meanwhile (`taken`: the retry posts it, never both).
 * Logs the sale, never a code.
 */
@Injectable()
export class ReservedVoucherSalesWorker extends ScheduledPass {
  constructor(
    private readonly sales: VoucherSaleRepository,
    private readonly sell: SellVoucherUseCase,
  ) {
    super({ name: 'reserved voucher sales', minGapMs: PASS_MS, maxGapMs: SAFETY_MS, retryAfterMs: PASS_MS });
  }

  /** One pass; resolves to when the next is due (soon again while a full batch was found). */
  protected async pass(now: Date): Promise<Date | undefined> {
    const stale = await this.sales.reservedBefore(new Date(now.getTime() - CODE_REVEAL_WINDOW_MS), BATCH);
    for (const sale of stale) {
      this.logger.warn(`voucher sale ${sale.id} of node ${sale.nodeId}, left reserved, is now ${await this.sell.finishStale(sale, now)}`);
    }
    return stale.length === BATCH ? new Date(now.getTime() + PASS_MS) : undefined;
  }
}
