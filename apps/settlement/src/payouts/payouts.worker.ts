import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import type { SettlementFilesEnv } from '../files/config/settlement-files-env';
import { FilePass, fileQueueOf } from '../files/file-pass';
import { SETTLEMENT_FILES_ENV } from '../files/settlement-file.sender';
import { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
import { payoutDraftsOf } from './merchant-payout';
import { MerchantPayoutRepository } from './merchant-payout.repository';
import { requestedExecutionDateOf } from './payout-dates';
import type { PayoutFile } from './payout-file';
import { PayoutFileRepository } from './payout-file.repository';
import { PayoutFileSender } from './payout-file.sender';
import { PAYOUTS_CONFIG, type ResolvedPayoutsConfig } from './payouts.config';

/**
 * The payouts pass (on the files' loop and period): ordered payouts that imported statements show
 * paid are marked so; each closed batch without payouts gets them (one per merchant and currency,
 * held or ordered) and, when one is payable, its pain.001 file row, in one transaction; then every
 * due pending file is written, checked against the XSD and sent. All of it read from the database,
 * so a batch closed while the process was down is taken by the next pass, and a crash between two
 * steps neither loses nor doubles a payout.
 */
@Injectable()
export class PayoutsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pass: FilePass<PayoutFile>;
  private readonly logger = new Logger(PayoutsWorker.name);

  constructor(
    private readonly payouts: MerchantPayoutRepository,
    files: PayoutFileRepository,
    sender: PayoutFileSender,
    private readonly fees: AcquirerFeeSchedule,
    @Inject(PAYOUTS_CONFIG) private readonly config: ResolvedPayoutsConfig | undefined,
    @Inject(SETTLEMENT_FILES_ENV) env: SettlementFilesEnv,
  ) {
    const queue = fileQueueOf(
      files,
      sender,
      (now, limit) => this.schedule(now, limit),
      (file: PayoutFile) => `payout file ${file.fileName}`,
    );
    this.pass = new FilePass(new Logger(PayoutsWorker.name), queue, env.SETTLEMENT_FILES_PASS_MS);
  }

  onApplicationBootstrap(): void {
    if (this.config) this.pass.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pass.stop();
  }

  /** One pass; resolves to when a pending file is next due (undefined: none is). */
  runOnce(now = new Date()): Promise<Date | undefined> {
    return this.pass.runOnce(now);
  }

  private async schedule(now: Date, limit: number): Promise<void> {
    const { config } = this;
    if (!config) return;
    const paid = await this.payouts.matchStatementEntries(now);
    if (paid > 0) this.logger.log(`${paid} payouts found paid in imported statements`);
    const recipe = { createdAt: now, initiatingParty: config.initiatingParty, requestedExecutionDate: requestedExecutionDateOf(now) };
    for (const batch of await this.payouts.readyBatches(limit)) {
      const drafts = payoutDraftsOf(await this.payouts.merchantSumsOf(batch.id, this.fees.ratesOf(batch.acquirer_id)), {
        merchantAccountOf: (merchantId) => config.merchantAccounts[merchantId],
        debtorAccountOf: (currency) => config.debtorAccounts.get(currency),
      });
      await this.payouts.create(batch, drafts, recipe);
    }
  }
}
