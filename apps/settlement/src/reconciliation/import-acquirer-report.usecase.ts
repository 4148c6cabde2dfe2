import { Injectable } from '@nestjs/common';

import { LayoutBalanceError, LayoutRecordError } from '@payments/file-layout';

import { BusinessDayCalendar } from '../business-day/business-day.calendar';
import { SettlementBatchRepository } from '../close-day/settlement-batch.repository';
import { AcquirerFeeSchedule } from './acquirer-fee.schedule';
import { ACQUIRER_REPORT_LAYOUT, readAcquirerReport } from './acquirer-report';
import { AcquirerReportRecord, DayAlreadyReconciledError } from './acquirer-report-record';
import { AcquirerReportRepository, isUniqueViolation } from './acquirer-report.repository';

export interface ImportAcquirerReportCommand {
  readonly acquirerId: string;
  readonly bytes: Buffer;
  readonly fileName?: string;
  /** Replace the day's current report (from another file) instead of being refused. */
  readonly replace?: boolean;
}

export type ImportAcquirerReportOutcome =
  /** `created`: this call imported it; otherwise these bytes were imported before and this is that import. */
  | { readonly kind: 'reconciled'; readonly report: AcquirerReportRecord; readonly created: boolean }
  | { readonly kind: 'unknown_acquirer'; readonly acquirerId: string }
  /** The file does not balance, a record is malformed, or its header names another acquirer: nothing was stored. */
  | { readonly kind: 'refused_file'; readonly reason: string }
  /** Another file was already reconciled for this acquirer and day: nothing was stored. */
  | { readonly kind: 'day_already_reconciled'; readonly businessDay: string; readonly earlierReportId: string };

/**
 * Imports an acquirer's settlement report and reconciles it line by line with our lines of the
 * acquirer and business day it names. A file is read and checked whole before anything is
 * written; the same bytes again are the same import.
 */
@Injectable()
export class ImportAcquirerReportUseCase {
  constructor(
    private readonly calendar: BusinessDayCalendar,
    private readonly batches: SettlementBatchRepository,
    private readonly fees: AcquirerFeeSchedule,
    private readonly reports: AcquirerReportRepository,
  ) {}

  async execute({ acquirerId, bytes, fileName, replace = false }: ImportAcquirerReportCommand): Promise<ImportAcquirerReportOutcome> {
    if (!this.calendar.isConfigured(acquirerId) && !(await this.batches.hasLines(acquirerId))) return { kind: 'unknown_acquirer', acquirerId };
    let report;
    try {
      report = await readAcquirerReport(bytes);
    } catch (error) {
      if (error instanceof LayoutBalanceError || error instanceof LayoutRecordError) return { kind: 'refused_file', reason: error.message };
      throw error;
    }
    if (report.acquirerId !== acquirerId)
      return { kind: 'refused_file', reason: `the file's header names acquirer "${report.acquirerId}", not "${acquirerId}"` };
    const same = await this.reports.findBySha256(acquirerId, report.sha256);
    if (same) return { kind: 'reconciled', report: await this.found(same), created: false };
    try {
      const expectedFee = (scheme: string | null, amountMinor: bigint) => this.fees.expectedFee(acquirerId, scheme, amountMinor);
      const record = await this.reports.reconcile({ report, fileName: fileName ?? null, layout: ACQUIRER_REPORT_LAYOUT, replace, expectedFee });
      return { kind: 'reconciled', report: record, created: true };
    } catch (error) {
      if (error instanceof DayAlreadyReconciledError)
        return { kind: 'day_already_reconciled', businessDay: report.businessDay, earlierReportId: error.earlierReportId };
      if (!isUniqueViolation(error)) throw error;
      // A concurrent import committed first: the same file is that import; another file finds the day taken.
      const winner = await this.reports.findBySha256(acquirerId, report.sha256);
      if (winner) return { kind: 'reconciled', report: await this.found(winner), created: false };
      const current = await this.reports.findCurrent(acquirerId, report.businessDay);
      if (current) return { kind: 'day_already_reconciled', businessDay: report.businessDay, earlierReportId: current };
      throw error;
    }
  }

  private async found(id: string): Promise<AcquirerReportRecord> {
    const record = await this.reports.findById(id);
    if (!record) throw new Error(`acquirer report ${id}: found by its SHA-256, then not found`);
    return record;
  }
}
