import type { Provider, Type } from '@nestjs/common';

import type { ConfiguredBankAccount } from '../statements/bank-account.config';
import { loadPayoutsEnv } from './config/payouts-env';
import { MerchantPayoutRepository } from './merchant-payout.repository';
import { PayoutFileRepository } from './payout-file.repository';
import { PayoutFileSender } from './payout-file.sender';
import { PayoutFilesController } from './payout-files.controller';
import { PAYOUTS_CONFIG, resolvePayoutsConfig } from './payouts.config';
import { PayoutsController } from './payouts.controller';
import { PayoutsWorker } from './payouts.worker';

/**
 * The payouts' controllers and providers. They use the acquirer files' folder, retries, delivery
 * and the reconciliation's fee schedule: those features must be wired too. A bad configuration
 * stops the boot, naming the variable, the merchant or currency, and the field.
 */
export function payoutsModule(env: NodeJS.ProcessEnv, bankAccounts: readonly ConfiguredBankAccount[]): { controllers: Type[]; providers: Provider[] } {
  const config = resolvePayoutsConfig(loadPayoutsEnv(env), bankAccounts);
  return {
    controllers: [PayoutsController, PayoutFilesController],
    providers: [{ provide: PAYOUTS_CONFIG, useValue: config }, MerchantPayoutRepository, PayoutFileRepository, PayoutFileSender, PayoutsWorker],
  };
}
