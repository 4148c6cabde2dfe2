import { DynamicModule, Module } from '@nestjs/common';

import {
  acquirerReportReconciledV1,
  settlementDayClosedV1,
  settlementFileSentV1,
  settlementJournalFileSentV1,
  settlementPayoutFileSentV1,
  settlementStatementImportedV1,
  settlementTransferImportedV1,
} from '@payments/contracts';
import { outboxRelayProvider } from '@payments/runtime';

import { BusinessDayCalendar } from './business-day/business-day.calendar';
import { CloseBusinessDayUseCase } from './close-day/close-business-day.usecase';
import { SettlementBatchRepository } from './close-day/settlement-batch.repository';
import { SettlementBatchesController } from './close-day/settlement-batches.controller';
import { loadSettlementEnv } from './config/settlement-env';
import { SETTLEMENT_DB, settlementDbProvider } from './database/settlement-db.provider';
import { TransactionEventsConsumer } from './events/transaction-events.consumer';
import { settlementFilesModule } from './files/settlement-files.wiring';
import { journalFilesModule } from './journal-files/journal-files.wiring';
import { SettlementLineRepository } from './lines/settlement-line.repository';
import { BatchPostingsService } from './postings/batch-postings.service';
import { payoutsModule } from './payouts/payouts.wiring';
import { PostingMapping } from './postings/posting-mapping';
import { loadPostingMapping } from './postings/posting-mapping.loader';
import { PostingRepository } from './postings/posting.repository';
import { PostingsController } from './postings/postings.controller';
import { TrialBalanceRepository } from './postings/trial-balance.repository';
import { BankAccountRegistry } from './statements/bank-account.config';
import { ImportStatementFileUseCase } from './statements/import-statement-file.usecase';
import { StatementImportRepository } from './statements/statement-import.repository';
import { STATEMENT_MAX_BYTES } from './statements/statement-import.tokens';
import { StatementsController } from './statements/statements.controller';
import { AcquirerFeeSchedule } from './reconciliation/acquirer-fee.schedule';
import { AcquirerReportRepository } from './reconciliation/acquirer-report.repository';
import { AcquirerReportsController } from './reconciliation/acquirer-reports.controller';
import { ImportAcquirerReportUseCase } from './reconciliation/import-acquirer-report.usecase';
import { ReconciliationBreakRepository } from './reconciliation/reconciliation-break.repository';
import { ReconciliationBreaksController } from './reconciliation/reconciliation-breaks.controller';
import { ReconciliationBreaksMetrics } from './reconciliation/reconciliation-breaks.metrics';
import { loadAcquirerFeeSchedule } from './reconciliation/reconciliation-env';
import { ResolveBreakUseCase } from './reconciliation/resolve-break.usecase';
import { TerminalTotalsController } from './totals/terminal-totals.controller';
import { TerminalTotalsRepository } from './totals/terminal-totals.repository';
import { ACQUIRER_FILE_MAX_BYTES } from './http/acquirer-file.upload';
import { acquirerTransfersModule } from './transfers/transfers.wiring';

/**
 * The settlement service as one module: running day totals per terminal, a settlement line per
 * money-moving transaction event, the close of each acquirer's business day into a batch, its
 * postings to the bank's chart of accounts (with the trial balance), the acquirer's transaction
 * file of each closed batch, the import of bank statement files, and the merchant payouts (pain.001).
 */
@Module({})
export class SettlementModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const settlementEnv = loadSettlementEnv(env);
    const calendar = BusinessDayCalendar.of(settlementEnv);
    const mapping = loadPostingMapping(settlementEnv.SETTLEMENT_POSTING_MAPPING_FILE);
    const files = settlementFilesModule(env);
    const fees = loadAcquirerFeeSchedule(env);
    const journalFiles = journalFilesModule(env);
    const transfers = acquirerTransfersModule(env);
    const payouts = payoutsModule(env, settlementEnv.SETTLEMENT_BANK_ACCOUNTS);
    return {
      module: SettlementModule,
      controllers: [
        TerminalTotalsController,
        SettlementBatchesController,
        PostingsController,
        StatementsController,
        AcquirerReportsController,
        ReconciliationBreaksController,
        ...files.controllers,
        ...journalFiles.controllers,
        ...transfers.controllers,
        ...payouts.controllers,
      ],
      providers: [
        settlementDbProvider,
        { provide: BusinessDayCalendar, useValue: calendar },
        { provide: PostingMapping, useValue: mapping },
        TerminalTotalsRepository,
        SettlementLineRepository,
        TransactionEventsConsumer,
        PostingRepository,
        BatchPostingsService,
        TrialBalanceRepository,
        SettlementBatchRepository,
        CloseBusinessDayUseCase,
        // Bank statement imports (statements/).
        { provide: BankAccountRegistry, useValue: new BankAccountRegistry(settlementEnv.SETTLEMENT_BANK_ACCOUNTS) },
        { provide: STATEMENT_MAX_BYTES, useValue: settlementEnv.SETTLEMENT_STATEMENT_MAX_BYTES },
        { provide: ACQUIRER_FILE_MAX_BYTES, useValue: settlementEnv.SETTLEMENT_ACQUIRER_FILE_MAX_BYTES },
        StatementImportRepository,
        ImportStatementFileUseCase,
        // Acquirer transaction files (files/).
        ...files.providers,
        // Reconciliation of the acquirer's settlement report: import, breaks, resolution.
        { provide: AcquirerFeeSchedule, useValue: fees },
        AcquirerReportRepository,
        ImportAcquirerReportUseCase,
        ReconciliationBreakRepository,
        ResolveBreakUseCase,
        ReconciliationBreaksMetrics,
        // Daily journal-entry files of the postings (journal-files/).
        ...journalFiles.providers,
        // The acquirer's per-transfer files and the merchant funding they pay (transfers/).
        ...transfers.providers,
        // Merchant payouts as pain.001, matched to the statements (payouts/).
        ...payouts.providers,
        outboxRelayProvider('settlement', SETTLEMENT_DB, [
          settlementDayClosedV1,
          settlementStatementImportedV1,
          settlementFileSentV1,
          acquirerReportReconciledV1,
          settlementJournalFileSentV1,
          settlementTransferImportedV1,
          settlementPayoutFileSentV1,
        ]),
      ],
    };
  }
}
