import type { Provider, Type } from '@nestjs/common';

import { loadSettlementFilesEnv } from './config/settlement-files-env';
import { acquirerFileDelivery } from './acquirer-file.delivery';
import { ResendSettlementFileUseCase } from './resend-settlement-file.usecase';
import { SettlementFileRepository } from './settlement-file.repository';
import { ACQUIRER_FILE_DELIVERY, SETTLEMENT_FILES_ENV, SettlementFileSender } from './settlement-file.sender';
import { SettlementFilesController } from './settlement-files.controller';
import { SettlementFilesWorker } from './settlement-files.worker';

/** The files feature's controllers and providers, its configuration validated at boot (a bad one stops it, naming the variable). */
export function settlementFilesModule(env: NodeJS.ProcessEnv): { controllers: Type[]; providers: Provider[] } {
  return {
    controllers: [SettlementFilesController],
    providers: [
      { provide: SETTLEMENT_FILES_ENV, useValue: loadSettlementFilesEnv(env) },
      { provide: ACQUIRER_FILE_DELIVERY, useValue: acquirerFileDelivery },
      SettlementFileRepository,
      SettlementFileSender,
      ResendSettlementFileUseCase,
      SettlementFilesWorker,
    ],
  };
}
