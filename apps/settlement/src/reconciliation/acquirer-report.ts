import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import { type FieldValue, type FileLayout, readLayoutFile, shippedLayout } from '@payments/file-layout';

/** The shipped layout an acquirer's settlement report is read with. */
export const ACQUIRER_REPORT_LAYOUT = 'acquirer-settlement-report-csv';

/** One line of the acquirer's report: its view of one of our transactions, with its fee. */
export interface AcquirerReportLine {
  /** 1-based, in the order of the file's details. */
  readonly lineNo: number;
  /** The terminal and the host's RRN (ISO 8583 fields 41 and 37): how the acquirer names the transaction. */
  readonly terminalId: string;
  readonly rrn: string;
  readonly scheme: string;
  /** A debit of the card (positive in the file) or a credit (negative). */
  readonly direction: 'debit' | 'credit';
  /** Always positive: the direction says which way. */
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly feeMinor: bigint;
  readonly occurredAt: Date;
}

/** A report read and checked: its trailer balanced, every line usable. */
export interface AcquirerReport {
  readonly acquirerId: string;
  readonly businessDay: string;
  /** Hex SHA-256 of the file's bytes: the same bytes are the same import. */
  readonly sha256: string;
  readonly lines: readonly AcquirerReportLine[];
}

/**
 * Reads a report whole (it is refused, LayoutBalanceError or LayoutRecordError, when its trailer
 * does not balance or a record is malformed: nothing is returned, so nothing can be stored).
 */
export async function readAcquirerReport(bytes: Buffer, layout: FileLayout = shippedLayout(ACQUIRER_REPORT_LAYOUT)): Promise<AcquirerReport> {
  const file = await readLayoutFile(layout, Readable.from([bytes]));
  const lines = file.details.map(acquirerLineOf);
  return {
    acquirerId: String(file.header?.acquirerId),
    businessDay: String(file.header?.businessDay),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lines,
  };
}

/**
 * A detail record of an acquirer's file as the line it names: the terminal, the RRN and the
 * direction of the signed amount (what reconciliation pairs our lines on), the unsigned amount and
 * the fee. The settlement report and the per-transfer file (transfers/) share these fields.
 */
export function acquirerLineOf(values: Readonly<Record<string, FieldValue>>, index: number): AcquirerReportLine {
  const signed = values.amountMinor as bigint;
  return {
    lineNo: index + 1,
    terminalId: String(values.terminalId),
    rrn: String(values.rrn),
    scheme: String(values.scheme).toLowerCase(),
    direction: signed < 0n ? 'credit' : 'debit',
    amountMinor: signed < 0n ? -signed : signed,
    currency: String(values.currency),
    feeMinor: values.feeMinor as bigint,
    occurredAt: values.transactionTime as Date,
  };
}
