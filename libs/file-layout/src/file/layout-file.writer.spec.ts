import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';

import { shippedLayout } from '../definition/shipped-layouts';
import { SAMPLE_CONTEXT, SAMPLE_LINES } from '../testing/sample-settlement-lines';
import { writeLayoutFile } from './layout-file.writer';

async function written(layoutName: string, lines: ReadonlyArray<Record<string, unknown>> = SAMPLE_LINES) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const summary = await writeLayoutFile(shippedLayout(layoutName), SAMPLE_CONTEXT, lines, sink);
  return { bytes: Buffer.concat(chunks), summary };
}

describe('writeLayoutFile', () => {
  it('writes the CSV acquirer file byte for byte', async () => {
    const { bytes, summary } = await written('acquirer-transactions-csv');
    const details = [
      'D;T0000001;M00000000000042;2026-12-04T09:15:02Z;424242******4242;12.50;978;purchase;A1B2C3;633809123456;000123;visa',
      'D;T0000001;M00000000000042;2026-12-04T17:40:59Z;555555******4444;-5.00;978;refund;;633817000001;000124;mastercard',
      'D;T2;M7;2026-12-04T23:59:59Z;353011******0005;98000;392;purchase;000777;633823999999;999999;jcb',
    ].map((line) => `${line}\r\n`);
    const sha256 = createHash('sha256').update(details.join('')).digest('hex');
    const header = 'H;ACQ01;2026-12-04;2026-12-05T01:30:00Z;7\r\n';
    expect(bytes.toString('utf8')).toBe(`${header}${details.join('')}T;3;98750;${sha256}\r\n`);
    expect(summary).toMatchObject({
      fileName: 'TX_ACQ01_20261204_0007.csv',
      detailCount: 3,
      lineCount: 5,
      totals: { amount: 98750n },
      byteLength: bytes.length,
    });
  });

  it('writes the fixed-width acquirer file byte for byte', async () => {
    const { bytes, summary } = await written('acquirer-transactions-fixed');
    const lines = [
      'FHACQ01      2026120420261205013000000007',
      'DTT0000001M0000000000004220261204091502424242******4242   000000001250+978purchase  A1B2C3633809123456000123visa',
      'DTT0000001M0000000000004220261204174059555555******4444   000000000500-978refund          633817000001000124mastercard',
      'DTT2      M7             20261204235959353011******0005   000000098000+392purchase  000777633823999999999999jcb',
      'FT000000005000000003+000000000000098750001901450123456',
    ];
    // Records of 120 bytes: what follows the last field is filler (spaces).
    expect(bytes.toString('latin1')).toBe(lines.map((line) => `${line.padEnd(120)}\r\n`).join(''));
    expect(summary).toMatchObject({ fileName: 'ACQACQ01.20261204.000007.DAT', lineCount: 5, checksum: 1901450123456n });
  });
});
