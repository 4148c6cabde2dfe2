import { Injectable } from '@nestjs/common';

import { AlertSignals } from '../alerts/alert-signals';
import { isStockLow, type StockKey, type StockLevel, stockSubjectOf } from './voucher';
import { VoucherStockRepository } from './voucher-stock.repository';

/**
 * After anything that changes a stock (a sale, an import, a return, a block, a new threshold):
 * `voucher-stock-low` raised while fewer vouchers are available than the stock's threshold (one
 * open alert per stock, counted on each sale), cleared once it is back at or above it.
 */
@Injectable()
export class VoucherStockWatch {
  constructor(
    private readonly stock: VoucherStockRepository,
    private readonly alerts: AlertSignals,
  ) {}

  async check(key: StockKey, now: Date): Promise<StockLevel | undefined> {
    const [level] = await this.stock.levels(now, { key });
    const subjectId = stockSubjectOf(key);
    if (level && isStockLow(level.available, level.minimumAvailable)) {
      await this.alerts.raise(
        {
          kind: 'voucher-stock-low',
          subjectId,
          summary: `voucher stock ${subjectId}: ${level.available} available, below the threshold of ${level.minimumAvailable}`,
          facts: {
            providerId: key.providerId,
            denomination: key.denomination.toString(),
            currency: key.currency,
            available: level.available,
            minimumAvailable: level.minimumAvailable ?? 0,
          },
        },
        now,
      );
    } else {
      await this.alerts.clear('voucher-stock-low', subjectId, now);
    }
    return level;
  }
}
