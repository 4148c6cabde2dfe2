import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import { type FileLayout, readLayoutFile, shippedLayout } from '@payments/file-layout';

import { acquirerLineOf, type AcquirerReportLine } from '../reconciliation/acquirer-report';

/** The shipped layout an acquirer's per-transfer file is read with. */
export const ACQUIRER_TRANSFER_LAYOUT = 'acquirer-transfer-file-csv';

/** One line of a transfer file: one of our transactions as the settlement report names it, its gross amount and the fee withheld. */
export type TransferLine = AcquirerReportLine;

/** A transfer file read and checked: its trailer balanced, its amount the gross minus the fees, one currency. */
export interface AcquirerTransferFile {
  readonly acquirerId: string;
  /** The bank transfer's reference, as the bank statement shows it on the credit. */
  readonly transferReference: string;
  readonly valueDate: string;
  readonly currency: string;
  /** What the transfer moves: the sum of the lines' signed gross amounts minus their fees. */
  readonly amountMinor: bigint;
  /** Signed: a credit to the card negative. */
  readonly grossMinor: bigint;
  readonly feeMinor: bigint;
  /** Hex SHA-256 of the file's bytes: the same bytes are the same import. */
  readonly sha256: string;
  readonly lines: readonly TransferLine[];
}

/** A file that balances as a layout but not as a transfer: nothing is stored. */
export class TransferFileRefusedError extends Error {
  override readonly name = 'TransferFileRefusedError';
}

const signed = (line: TransferLine): bigint => (line.direction === 'credit' ? -line.amountMinor : line.amountMinor);

/**
 * Reads a transfer file whole. Refused, with nothing returned: a trailer that does not balance or
 * a malformed record (LayoutBalanceError, LayoutRecordError), a line in another currency than the
 * transfer's, or a transfer amount other than the lines' gross minus their fees
 * (TransferFileRefusedError, naming both sums and the difference).
 */
export async function readAcquirerTransferFile(bytes: Buffer, layout: FileLayout = shippedLayout(ACQUIRER_TRANSFER_LAYOUT)): Promise<AcquirerTransferFile> {
  const file = await readLayoutFile(layout, Readable.from([bytes]));
  const header = file.header ?? {};
  const currency = String(header.currency);
  const lines = file.details.map(acquirerLineOf);
  const foreign = lines.find((line) => line.currency !== currency);
  if (foreign) throw new TransferFileRefusedError(`detail record ${foreign.lineNo} is in ${foreign.currency}, the transfer in ${currency}`);
  const grossMinor = lines.reduce((sum, line) => sum + signed(line), 0n);
  const feeMinor = lines.reduce((sum, line) => sum + line.feeMinor, 0n);
  const amountMinor = header.transferAmountMinor as bigint;
  if (amountMinor !== grossMinor - feeMinor) {
    throw new TransferFileRefusedError(
      `the transfer amount ${amountMinor} is not the lines' gross ${grossMinor} minus their fees ${feeMinor} (${grossMinor - feeMinor}): a difference of ${amountMinor - (grossMinor - feeMinor)} minor units`,
    );
  }
  return {
    acquirerId: String(header.acquirerId),
    transferReference: String(header.transferReference),
    valueDate: String(header.valueDate),
    currency,
    amountMinor,
    grossMinor,
    feeMinor,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lines,
  };
}
