import type { Provider, Type } from '@nestjs/common';

import { loadSettlementFilesEnv, type SettlementFilesEnv } from './config/settlement-files-env';
import { acquirerFileDelivery } from './acquirer-file.delivery';
import { layoutNamed } from './acquirer-file.writer';
import { ResendSettlementFileUseCase } from './resend-settlement-file.usecase';
import { SettlementFileRepository } from './settlement-file.repository';
import { ACQUIRER_FILE_DELIVERY, SETTLEMENT_FILES_ENV, SettlementFileSender } from './settlement-file.sender';
import { SettlementFilesController } from './settlement-files.controller';
import { SettlementFilesWorker } from './settlement-files.worker';

/** The files feature's controllers and providers, its configuration validated at boot (a bad one stops it, naming the variable and acquirer). */
export function settlementFilesModule(env: NodeJS.ProcessEnv): { controllers: Type[]; providers: Provider[] } {
  const filesEnv = withLayoutsChecked(loadSettlementFilesEnv(env));
  return {
    controllers: [SettlementFilesController],
    providers: [
      { provide: SETTLEMENT_FILES_ENV, useValue: filesEnv },
      { provide: ACQUIRER_FILE_DELIVERY, useValue: acquirerFileDelivery },
      SettlementFileRepository,
      SettlementFileSender,
      ResendSettlementFileUseCase,
      SettlementFilesWorker,
    ],
  };
}

/** Every configured layout loads (a shipped name, or a file that validates): a bad one stops the boot, naming its acquirer. */
export function withLayoutsChecked(env: SettlementFilesEnv): SettlementFilesEnv {
  for (const [acquirerId, { layout }] of Object.entries(env.SETTLEMENT_FILES)) {
    try {
      layoutNamed(layout);
    } catch (error) {
      throw new Error(`SETTLEMENT_FILES of acquirer "${acquirerId}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return env;
}
