import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

import { amountsAsText } from '../http/amounts-as-text';
import { AcquirerReportRecord } from './acquirer-report-record';
import type { ImportAcquirerReportOutcome } from './import-acquirer-report.usecase';

/** The reconciliation report as the operators' API shows it: amounts as exact decimal text. */
export const reportResponseOf = (record: AcquirerReportRecord) => ({ ...record, totals: record.totals.map(amountsAsText) });

/** An import's answer: the report, or the refusal naming `field` (the JSON body's `content`, or the uploaded `file`). */
export function reportAnswerOf(outcome: ImportAcquirerReportOutcome, acquirerId: string, field: 'content' | 'file') {
  switch (outcome.kind) {
    case 'reconciled':
      return reportResponseOf(outcome.report);
    case 'unknown_acquirer':
      throw new NotFoundException(`acquirerId: acquirer "${outcome.acquirerId}" is neither configured nor seen in any transaction`);
    case 'refused_file':
      throw new UnprocessableEntityException(`${field}: the report was refused, nothing was stored: ${outcome.reason}`);
    case 'day_already_reconciled':
      throw new ConflictException(
        `${field}: ${outcome.businessDay} of acquirer "${acquirerId}" was already reconciled by import ${outcome.earlierReportId} from another file; send replace: true to replace it`,
      );
  }
}
