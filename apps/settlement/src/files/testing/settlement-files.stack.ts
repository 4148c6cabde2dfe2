import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { SqlConnection } from '@payments/persistence';

import { BusinessDayCalendar } from '../../business-day/business-day.calendar';
import { CutOff } from '../../business-day/cut-off';
import { CloseBusinessDayUseCase } from '../../close-day/close-business-day.usecase';
import { SettlementBatchRepository } from '../../close-day/settlement-batch.repository';
import { SettlementLineRepository } from '../../lines/settlement-line.repository';
import { BatchPostingsService } from '../../postings/batch-postings.service';
import { loadPostingMapping } from '../../postings/posting-mapping.loader';
import { PostingRepository } from '../../postings/posting.repository';
import { acquirerFileDelivery } from '../acquirer-file.delivery';
import { type AcquirerFileConfig, loadSettlementFilesEnv } from '../config/settlement-files-env';
import { ResendSettlementFileUseCase } from '../resend-settlement-file.usecase';
import { SettlementFileRepository } from '../settlement-file.repository';
import { type AcquirerFileDeliveryFactory, SettlementFileSender } from '../settlement-file.sender';
import { SettlementFilesWorker } from '../settlement-files.worker';

const made: string[] = [];

/** A temporary folder, removed by removeTemporaryFolders(). */
export function temporaryFolder(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  made.push(path);
  return path;
}

/** Removes every folder temporaryFolder() and filesStack() made (for an afterAll). */
export function removeTemporaryFolders(): void {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
}

/** Long after every day the specs close. */
export const LATER = new Date('2027-01-01T00:00:00Z');

/**
 * The files feature over one database as the module wires it (a new stack is a restarted
 * process): configured acquirers, a work folder of its own, and the real delivery unless a spec
 * swaps it.
 */
export function filesStack(
  db: SqlConnection,
  acquirers: Record<string, AcquirerFileConfig>,
  options: { filesDir?: string; deliveryOf?: AcquirerFileDeliveryFactory; env?: Record<string, string> } = {},
) {
  const filesDir = options.filesDir ?? temporaryFolder('settlement-files-');
  const env = loadSettlementFilesEnv({ SETTLEMENT_FILES: JSON.stringify(acquirers), SETTLEMENT_FILES_DIR: filesDir, ...options.env });
  // A close books its postings (the shipped example mapping), as the module wires it.
  const batches = new SettlementBatchRepository(db, new BatchPostingsService(loadPostingMapping(), new PostingRepository(db)));
  const files = new SettlementFileRepository(db);
  const sender = new SettlementFileSender(files, env, options.deliveryOf ?? acquirerFileDelivery);
  const calendar = new BusinessDayCalendar('default', new CutOff('UTC', '00:00'), {});
  return {
    filesDir,
    lines: new SettlementLineRepository(db),
    closeDay: new CloseBusinessDayUseCase(calendar, batches),
    files,
    sender,
    worker: new SettlementFilesWorker(files, sender, env),
    resend: new ResendSettlementFileUseCase(files, sender),
  };
}
