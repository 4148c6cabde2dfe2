import { Writable } from 'node:stream';

import { type FileContext, shippedLayout, writeLayoutFile } from '@payments/file-layout';

import { ACQUIRER_REPORT_LAYOUT } from '../acquirer-report';

/** One detail as an acquirer writes it: a credit's amount negative, amounts in minor units. */
export interface ReportDetail {
  readonly terminalId?: string;
  readonly rrn: string;
  readonly scheme?: string;
  readonly amountMinor: bigint;
  readonly currency?: string;
  readonly feeMinor?: bigint;
}

/** A file in a shipped layout written into memory: its bytes as an acquirer would send them. */
export async function shippedLayoutFile(layout: string, context: FileContext, rows: readonly object[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeLayoutFile(shippedLayout(layout), context, rows, sink);
  return Buffer.concat(chunks);
}

/** The bytes of a settlement report in the shipped layout, as the acquirer would send it. */
export async function acquirerReportFile(acquirerId: string, businessDay: string, details: readonly ReportDetail[], sequence = 1): Promise<Buffer> {
  const rows = details.map((d) => ({
    terminalId: 'T0000001',
    scheme: 'visa',
    currency: 'EUR',
    feeMinor: 0n,
    transactionTime: new Date(`${businessDay}T10:00:00Z`),
    ...d,
  }));
  const context = { businessDay, createdAt: new Date(`${businessDay}T23:30:00Z`), sequence, values: { acquirerId } };
  return shippedLayoutFile(ACQUIRER_REPORT_LAYOUT, context, rows);
}

/** The same file with its trailer's amount total (its third field) changed: a report, or a transfer file, that does not balance. */
export function unbalanced(bytes: Buffer): Buffer {
  const lines = bytes.toString('utf8').split('\r\n');
  const trailer = lines[lines.length - 2].split(';');
  trailer[2] = `${trailer[2]}1`;
  lines[lines.length - 2] = trailer.join(';');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
