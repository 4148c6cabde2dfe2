import { Writable } from 'node:stream';

import { shippedLayout, writeLayoutFile } from '@payments/file-layout';

import { ACQUIRER_TRANSFER_LAYOUT } from '../acquirer-transfer-file';

/** One detail as an acquirer writes it: a credit's amount negative, amounts in minor units. */
export interface TransferDetail {
  readonly terminalId?: string;
  readonly rrn: string;
  readonly scheme?: string;
  readonly amountMinor: bigint;
  readonly currency?: string;
  readonly feeMinor?: bigint;
}

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
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
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
  await writeLayoutFile(shippedLayout(ACQUIRER_TRANSFER_LAYOUT), context, rows, sink);
  return Buffer.concat(chunks);
}

/** The same file with its trailer's fee total changed: a file that does not balance. */
export function withTrailerFeeChanged(bytes: Buffer): Buffer {
  const lines = bytes.toString('utf8').split('\r\n');
  const trailer = lines[lines.length - 2].split(';');
  trailer[3] = `${trailer[3]}1`;
  lines[lines.length - 2] = trailer.join(';');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
