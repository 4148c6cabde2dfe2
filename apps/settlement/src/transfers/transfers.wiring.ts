import type { Provider, Type } from '@nestjs/common';

import { AcquirerTransferRepository } from './acquirer-transfer.repository';
import { AcquirerTransfersController } from './acquirer-transfers.controller';
import { ImportAcquirerTransferUseCase } from './import-acquirer-transfer.usecase';
import { MerchantFundingController } from './merchant-funding.controller';
import { MerchantFundingReader } from './merchant-funding.reader';
import { MerchantFundingRepository } from './merchant-funding.repository';
import { loadTransferDueDays, TransferDueDays } from './transfer-due-days';

/** The acquirer transfers feature's controllers and providers (it reads the acquirer fee schedule the reconciliation provides); due days validated at boot. */
export function acquirerTransfersModule(env: NodeJS.ProcessEnv): { controllers: Type[]; providers: Provider[] } {
  return {
    controllers: [AcquirerTransfersController, MerchantFundingController],
    providers: [
      { provide: TransferDueDays, useValue: loadTransferDueDays(env) },
      AcquirerTransferRepository,
      ImportAcquirerTransferUseCase,
      MerchantFundingRepository,
      MerchantFundingReader,
    ],
  };
}
