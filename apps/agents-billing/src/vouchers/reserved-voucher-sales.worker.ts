import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { PassScheduler } from '@payments/runtime';

import { CODE_REVEAL_WINDOW_MS, SellVoucherUseCase } from './sell-voucher.usecase';
import { VoucherSaleRepository } from './voucher-sale.repository';

const BATCH = 100;
const PASS_MS = 30_000;
const SAFETY_MS = 120_000;

/**
 * Finishes the voucher sales a stopped process left reserved for longer than the code's reveal
 * window (a live sale posts within milliseconds; the caller's retry within the window finishes it
 * itself and gets the code): posted when the ledger has the sale's transfer, else released so the
 * voucher goes back to the stock. Logs the sale and the serial, never a code.
 */
@Injectable()
export class ReservedVoucherSalesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReservedVoucherSalesWorker.name);
  private readonly passes = new PassScheduler(() => this.runOnce(), { minGapMs: PASS_MS, maxGapMs: SAFETY_MS });

  constructor(
    private readonly sales: VoucherSaleRepository,
    private readonly sell: SellVoucherUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass; resolves to when the next is due (soon again while a full batch was found). */
  async runOnce(now = new Date()): Promise<Date | undefined> {
    try {
      const stale = await this.sales.reservedBefore(new Date(now.getTime() - CODE_REVEAL_WINDOW_MS), BATCH);
      for (const sale of stale) {
        this.logger.warn(`voucher sale ${sale.id} of node ${sale.nodeId}, left reserved, is now ${await this.sell.finishStale(sale, now)}`);
      }
      return stale.length === BATCH ? new Date(now.getTime() + PASS_MS) : undefined;
    } catch (error) {
      this.logger.error(`reserved voucher sales pass failed: ${error instanceof Error ? error.message : String(error)}`);
      return new Date(Date.now() + PASS_MS);
    }
  }
}
