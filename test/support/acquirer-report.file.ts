import { Writable } from 'node:stream';

import { shippedLayout, writeLayoutFile } from '@payments/file-layout';

/** One line of an acquirer's settlement report: its view of a transaction it settled, with its fee. */
export interface AcquirerReportDetail {
  readonly terminalId: string;
  readonly rrn: string;
  readonly transactionTime: Date;
  readonly scheme: string;
  /** Signed: a credit to the card is negative. */
  readonly amountMinor: bigint;
  /** ISO 4217 alphabetic code. */
  readonly currency: string;
  readonly feeMinor: bigint;
}

/** The text of a settlement report in the shipped layout (acquirer-settlement-report-csv), as the acquirer would send it. */
export async function acquirerReportContent(acquirerId: string, businessDay: string, details: readonly AcquirerReportDetail[]): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const context = { businessDay, createdAt: new Date(`${businessDay}T23:30:00Z`), sequence: 1, values: { acquirerId } };
  await writeLayoutFile(shippedLayout('acquirer-settlement-report-csv'), context, details, sink);
  return Buffer.concat(chunks).toString('utf8');
}
