import { Writable } from 'node:stream';

import { shippedLayout, writeLayoutFile } from '@payments/file-layout';

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

/** The bytes of a settlement report in the shipped layout, as the acquirer would send it. */
export async function acquirerReportFile(acquirerId: string, businessDay: string, details: readonly ReportDetail[], sequence = 1): Promise<Buffer> {
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
    currency: 'EUR',
    feeMinor: 0n,
    transactionTime: new Date(`${businessDay}T10:00:00Z`),
    ...d,
  }));
  const context = { businessDay, createdAt: new Date(`${businessDay}T23:30:00Z`), sequence, values: { acquirerId } };
  await writeLayoutFile(shippedLayout(ACQUIRER_REPORT_LAYOUT), context, rows, sink);
  return Buffer.concat(chunks);
}

/** The same file with its trailer's amount total changed: a report that does not balance. */
export function unbalanced(bytes: Buffer): Buffer {
  const lines = bytes.toString('utf8').split('\r\n');
  const trailer = lines[lines.length - 2].split(';');
  trailer[2] = `${trailer[2]}1`;
  lines[lines.length - 2] = trailer.join(';');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
