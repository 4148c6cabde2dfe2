import { DynamicModule, Module } from '@nestjs/common';

import { settlementDayClosedV1 } from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { BusinessDayCalendar } from './business-day/business-day.calendar';
import { CloseBusinessDayUseCase } from './close-day/close-business-day.usecase';
import { SettlementBatchRepository } from './close-day/settlement-batch.repository';
import { SettlementBatchesController } from './close-day/settlement-batches.controller';
import { loadSettlementEnv } from './config/settlement-env';
import { SETTLEMENT_DB, settlementDbProvider } from './database/settlement-db.provider';
import { SettlementLineRepository } from './lines/settlement-line.repository';
import { SettlementLinesConsumer } from './lines/settlement-lines.consumer';
import { BatchPostingsService } from './postings/batch-postings.service';
import { PostingMapping } from './postings/posting-mapping';
import { loadPostingMapping } from './postings/posting-mapping.loader';
import { PostingRepository } from './postings/posting.repository';
import { PostingsController } from './postings/postings.controller';
import { TrialBalanceRepository } from './postings/trial-balance.repository';
import { TerminalTotalsConsumer } from './totals/terminal-totals.consumer';
import { TerminalTotalsController } from './totals/terminal-totals.controller';
import { TerminalTotalsRepository } from './totals/terminal-totals.repository';

/**
 * The settlement service as one module: running day totals per terminal, a settlement line per
 * money-moving transaction event, the close of each acquirer's business day into a batch, and its
 * postings to the bank's chart of accounts (with the trial balance).
 */
@Module({})
export class SettlementModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const settlementEnv = loadSettlementEnv(env);
    const calendar = BusinessDayCalendar.of(settlementEnv);
    const mapping = loadPostingMapping(settlementEnv.SETTLEMENT_POSTING_MAPPING_FILE);
    return {
      module: SettlementModule,
      controllers: [TerminalTotalsController, SettlementBatchesController, PostingsController],
      providers: [
        settlementDbProvider,
        { provide: BusinessDayCalendar, useValue: calendar },
        { provide: PostingMapping, useValue: mapping },
        TerminalTotalsRepository,
        TerminalTotalsConsumer,
        SettlementLineRepository,
        SettlementLinesConsumer,
        PostingRepository,
        BatchPostingsService,
        TrialBalanceRepository,
        SettlementBatchRepository,
        CloseBusinessDayUseCase,
        outboxRelayProvider('settlement', SETTLEMENT_DB, [settlementDayClosedV1]),
      ],
    };
  }
}
