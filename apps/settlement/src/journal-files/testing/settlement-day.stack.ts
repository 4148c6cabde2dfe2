import { randomUUID } from 'node:crypto';

import type { SqlConnection } from '@payments/persistence';

import { BusinessDayCalendar } from '../../business-day/business-day.calendar';
import { CutOff } from '../../business-day/cut-off';
import { CloseBusinessDayUseCase } from '../../close-day/close-business-day.usecase';
import { SettlementBatchRepository } from '../../close-day/settlement-batch.repository';
import { acquirerFileDelivery } from '../../files/acquirer-file.delivery';
import { fileNameOf, layoutNamed, writeAcquirerFile } from '../../files/acquirer-file.writer';
import { type AcquirerFileConfig, loadSettlementFilesEnv } from '../../files/config/settlement-files-env';
import { SettlementFileRepository } from '../../files/settlement-file.repository';
import { SettlementFileSender } from '../../files/settlement-file.sender';
import { SettlementFilesWorker } from '../../files/settlement-files.worker';
import { BatchPostingsService } from '../../postings/batch-postings.service';
import { loadPostingMapping } from '../../postings/posting-mapping.loader';
import { PostingRepository } from '../../postings/posting.repository';
import { loadPayoutsEnv } from '../../payouts/config/payouts-env';
import { MerchantPayoutRepository } from '../../payouts/merchant-payout.repository';
import { PayoutFileRepository } from '../../payouts/payout-file.repository';
import { PayoutFileSender } from '../../payouts/payout-file.sender';
import { resolvePayoutsConfig } from '../../payouts/payouts.config';
import { PayoutsWorker } from '../../payouts/payouts.worker';
import { loadAcquirerFeeSchedule } from '../../reconciliation/reconciliation-env';
import { bankAccountsEnvSchema } from '../../statements/bank-account.config';
import { type JournalFilesConfig, journalFilesConfigSchema } from '../config/journal-files-env';
import { JournalFileRepository } from '../journal-file.repository';
import { JournalFileSender } from '../journal-file.sender';
import { JournalFilesWorker } from '../journal-files.worker';

export interface SettlementDayOptions {
  /** Where the work files and the archive go (SETTLEMENT_FILES_DIR). */
  readonly filesDir: string;
  /** The acquirer files' configuration (SETTLEMENT_FILES). */
  readonly acquirers: Record<string, AcquirerFileConfig>;
  /** The journal files' configuration (SETTLEMENT_JOURNAL_FILES). */
  readonly journal: JournalFilesConfig;
  /** The payouts' configuration, as the variables' JSON: SETTLEMENT_PAYOUTS, SETTLEMENT_MERCHANT_ACCOUNTS, SETTLEMENT_BANK_ACCOUNTS (none: no payouts). */
  readonly payouts?: { readonly payouts: unknown; readonly merchantAccounts: unknown; readonly bankAccounts: unknown };
  /** Wraps the postings booked inside each close (to time them, say); the module's own by default. */
  readonly postings?: (service: BatchPostingsService) => BatchPostingsService;
}

/**
 * A day of settlement over one database as the module wires it, without Nest, the bus or the
 * timers: the close of day (with its postings, the shipped example mapping, cut-off 00:00 UTC),
 * the acquirer files' pass, the journal files' pass and the payouts' pass. For a benchmark that
 * runs each step once.
 */
export function settlementDayStack(db: SqlConnection, options: SettlementDayOptions) {
  const env = loadSettlementFilesEnv({ SETTLEMENT_FILES: JSON.stringify(options.acquirers), SETTLEMENT_FILES_DIR: options.filesDir });
  const postings = new BatchPostingsService(loadPostingMapping(), new PostingRepository(db));
  const batches = new SettlementBatchRepository(db, options.postings ? options.postings(postings) : postings);
  const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'), {});
  const files = new SettlementFileRepository(db);
  const sender = new SettlementFileSender(files, env, acquirerFileDelivery);
  const journal = journalFilesConfigSchema.parse(options.journal);
  const journalFiles = new JournalFileRepository(db);
  const journalSender = new JournalFileSender(journalFiles, journal, env, acquirerFileDelivery);
  const payoutsConfig =
    options.payouts &&
    resolvePayoutsConfig(
      loadPayoutsEnv({
        SETTLEMENT_PAYOUTS: JSON.stringify(options.payouts.payouts),
        SETTLEMENT_MERCHANT_ACCOUNTS: JSON.stringify(options.payouts.merchantAccounts),
      }),
      bankAccountsEnvSchema.parse(JSON.stringify(options.payouts.bankAccounts)),
    );
  const payouts = new MerchantPayoutRepository(db);
  const payoutFiles = new PayoutFileRepository(db);
  const payoutSender = new PayoutFileSender(payoutFiles, payouts, payoutsConfig, env, acquirerFileDelivery);
  return {
    batches,
    closeDay: new CloseBusinessDayUseCase(calendar, batches),
    files,
    filesWorker: new SettlementFilesWorker(files, sender, env),
    /**
     * A closed batch's file in any layout, written to `path` by the writer the files' pass uses
     * (its lines streamed from the database); nothing recorded, nothing delivered.
     */
    writeBatchFile: (batch: { id: string; acquirerId: string; businessDay: string }, layout: string, values: Record<string, string>, path: string) => {
      const recipe = { batchId: batch.id, acquirerId: batch.acquirerId, businessDay: batch.businessDay, sequence: 1, values, createdAt: new Date() };
      const fileName = fileNameOf(layoutNamed(layout), recipe);
      return { fileName, written: writeAcquirerFile({ ...recipe, id: randomUUID(), layout, fileName }, files.linesOf(batch.id), path) };
    },
    journalFiles,
    journalWorker: new JournalFilesWorker(journalFiles, journalSender, journal, env),
    payouts,
    payoutFiles,
    /** The payouts' pass: no fee rate is configured, so each net is its gross. */
    payoutsWorker: new PayoutsWorker(payouts, payoutFiles, payoutSender, loadAcquirerFeeSchedule({}), payoutsConfig, env),
  };
}
export type SettlementDayStack = ReturnType<typeof settlementDayStack>;
