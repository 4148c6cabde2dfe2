import { Injectable } from '@nestjs/common';

import { LayoutBalanceError, LayoutRecordError } from '@payments/file-layout';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { ACQUIRER_TRANSFER_LAYOUT, readAcquirerTransferFile, TransferFileRefusedError } from './acquirer-transfer-file';
import { AcquirerTransferRecord, TransferAlreadyImportedError } from './acquirer-transfer.record';
import { AcquirerTransferRepository } from './acquirer-transfer.repository';

export interface ImportAcquirerTransferCommand {
  readonly acquirerId: string;
  readonly bytes: Buffer;
  readonly fileName?: string;
}

export type ImportAcquirerTransferOutcome =
  /** `created`: this call imported it; otherwise these bytes were imported before and this is that import. */
  | { readonly kind: 'imported'; readonly transfer: AcquirerTransferRecord; readonly created: boolean }
  | { readonly kind: 'unknown_acquirer'; readonly acquirerId: string }
  /** The trailer does not balance, a record is malformed, the amount is not the gross minus the fees, or the header names another acquirer: nothing was stored. */
  | { readonly kind: 'refused_file'; readonly reason: string }
  /** Another file was already imported for the same transfer: nothing was stored. */
  | { readonly kind: 'transfer_already_imported'; readonly transferReference: string; readonly earlierTransferId: string };

/**
 * Imports an acquirer's per-transfer file and matches each of its lines against our settlement
 * lines. The file is read and checked whole before anything is written; the same bytes again
 * are the same import.
 */
@Injectable()
export class ImportAcquirerTransferUseCase {
  constructor(
    private readonly calendar: BusinessDayCalendar,
    private readonly batches: SettlementBatchRepository,
    private readonly transfers: AcquirerTransferRepository,
  ) {}

  async execute({ acquirerId, bytes, fileName }: ImportAcquirerTransferCommand): Promise<ImportAcquirerTransferOutcome> {
    if (!this.calendar.isConfigured(acquirerId) && !(await this.batches.hasLines(acquirerId))) return { kind: 'unknown_acquirer', acquirerId };
    let file;
    try {
      file = await readAcquirerTransferFile(bytes);
    } catch (error) {
      if (error instanceof LayoutBalanceError || error instanceof LayoutRecordError || error instanceof TransferFileRefusedError)
        return { kind: 'refused_file', reason: error.message };
      throw error;
    }
    if (file.acquirerId !== acquirerId) return { kind: 'refused_file', reason: `the file's header names acquirer "${file.acquirerId}", not "${acquirerId}"` };
    try {
      const { record, created } = await this.transfers.import({ file, acquirerId, fileName: fileName ?? null, layout: ACQUIRER_TRANSFER_LAYOUT });
      return { kind: 'imported', transfer: record, created };
    } catch (error) {
      if (!(error instanceof TransferAlreadyImportedError)) throw error;
      return { kind: 'transfer_already_imported', transferReference: file.transferReference, earlierTransferId: error.earlierTransferId };
    }
  }
}
