import { type ReportDetail, shippedLayoutFile } from '../../reconciliation/testing/acquirer-report-file.util';
import { ACQUIRER_TRANSFER_LAYOUT } from '../acquirer-transfer-file';

/** One detail as an acquirer writes it, as in its settlement report: a credit's amount negative, amounts in minor units. */
export type TransferDetail = ReportDetail;

export interface TransferHeader {
  readonly acquirerId: string;
  readonly transferReference: string;
  readonly valueDate: string;
  readonly currency?: string;
  /** By default the details' gross minus their fees (a file that balances). */
  readonly transferAmountMinor?: bigint;
}

/** The bytes of a transfer file in the shipped layout, as the acquirer would send it. */
export async function acquirerTransferFile(header: TransferHeader, details: readonly TransferDetail[]): Promise<Buffer> {
  const rows = details.map((d) => ({
    terminalId: 'T0000001',
    scheme: 'visa',
    currency: header.currency ?? 'EUR',
    feeMinor: 0n,
    transactionTime: new Date(`${header.valueDate}T10:00:00Z`),
    ...d,
  }));
  const transferAmountMinor = header.transferAmountMinor ?? rows.reduce((sum, row) => sum + row.amountMinor - row.feeMinor, 0n);
  const values = { currency: 'EUR', ...header, transferAmountMinor };
  const context = { businessDay: header.valueDate, createdAt: new Date(`${header.valueDate}T06:00:00Z`), sequence: 1, values };
  return shippedLayoutFile(ACQUIRER_TRANSFER_LAYOUT, context, rows);
}
