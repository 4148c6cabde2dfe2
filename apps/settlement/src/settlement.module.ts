import { DynamicModule, Module } from '@nestjs/common';

import { settlementDayClosedV1, settlementFileSentV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { BusinessDayCalendar } from './business-day/business-day.calendar';
import { CloseBusinessDayUseCase } from './close-day/close-business-day.usecase';
import { SettlementBatchRepository } from './close-day/settlement-batch.repository';
import { SettlementBatchesController } from './close-day/settlement-batches.controller';
import { loadSettlementEnv } from './config/settlement-env';
import { SETTLEMENT_DB, settlementDbProvider } from './database/settlement-db.provider';
import { settlementFilesModule } from './files/settlement-files.wiring';
import { SettlementLineRepository } from './lines/settlement-line.repository';
import { SettlementLinesConsumer } from './lines/settlement-lines.consumer';
import { TerminalTotalsConsumer } from './totals/terminal-totals.consumer';
import { TerminalTotalsController } from './totals/terminal-totals.controller';
import { TerminalTotalsRepository } from './totals/terminal-totals.repository';

/**
 * The settlement service as one module: running day totals per terminal, a settlement line per
 * money-moving transaction event, the close of each acquirer's business day into a batch, and
 * the acquirer's transaction file of each closed batch.
 */
@Module({})
export class SettlementModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const calendar = BusinessDayCalendar.of(loadSettlementEnv(env));
    const files = settlementFilesModule(env);
    return {
      module: SettlementModule,
      controllers: [TerminalTotalsController, SettlementBatchesController, ...files.controllers],
      providers: [
        settlementDbProvider,
        { provide: BusinessDayCalendar, useValue: calendar },
        TerminalTotalsRepository,
        TerminalTotalsConsumer,
        SettlementLineRepository,
        SettlementLinesConsumer,
        SettlementBatchRepository,
        CloseBusinessDayUseCase,
        ...files.providers,
        outboxRelayProvider('settlement', SETTLEMENT_DB, [settlementDayClosedV1, settlementFileSentV1]),
      ],
    };
  }
}
