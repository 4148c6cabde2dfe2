import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';

import { isLuhnValid } from '@payments/card';

import { layoutFromDefinition } from '../definition/layout-definition.loader';
import { shippedLayout } from '../definition/shipped-layouts';
import { writeToBuffer } from '../testing/layout-file-buffer.util';
import { SAMPLE_CONTEXT, SAMPLE_LINES } from '../testing/sample-settlement-lines.util';
import { writeLayoutFile } from './layout-file.writer';

function written(layoutName: string) {
  return writeToBuffer(shippedLayout(layoutName), SAMPLE_CONTEXT, SAMPLE_LINES);
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

describe('writeLayoutFile refusals', () => {
  const fixed = shippedLayout('acquirer-transactions-fixed');
  const csv = shippedLayout('acquirer-transactions-csv');
  const withLine = (change: Record<string, unknown>) => [SAMPLE_LINES[0], { ...SAMPLE_LINES[1], ...change }];

  it('refuses a value wider than its field, naming the record and the field, never truncating', async () => {
    await expect(writeToBuffer(fixed, SAMPLE_CONTEXT, withLine({ merchantId: 'M000000000000421' }))).rejects.toThrow(
      'acquirer-transactions-fixed: detail record 2, field merchantId: 16 characters do not fit in its width of 15',
    );
    await expect(writeToBuffer(fixed, SAMPLE_CONTEXT, withLine({ amountMinor: 10n ** 12n }))).rejects.toThrow(
      'detail record 2, field amount: 14 characters do not fit in its width of 13',
    );
  });

  it.each([
    ['maskedPan', { maskedPan: '4242424242424242' }],
    ['approvalCode', { approvalCode: '4242424242424242' }],
    ['operationType', { operationType: 'x4111111111111111' }],
  ])('refuses a full PAN in %s, and the error does not hold it', async (field, change) => {
    const error = await writeToBuffer(csv, SAMPLE_CONTEXT, withLine(change)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`detail record 2, field ${field}`);
    expect((error as Error).message).not.toMatch(/4242424242|4111111111/);
  });

  it('refuses a PAN written with spaces in a header value', async () => {
    const layout = layoutWith({ acquirerId: { name: 'acquirerId', type: 'text' } });
    await expect(writeToBuffer(layout, { ...SAMPLE_CONTEXT, values: { acquirerId: '4111 1111 1111 1111' } }, [])).rejects.toThrow(
      'header, field acquirerId: looks like a full PAN',
    );
  });

  it('refuses a character the encoding cannot hold, naming the record and the field', async () => {
    const latin1 = layoutWith({ encoding: 'latin1' });
    const ascii = layoutWith({ encoding: 'ascii' });
    const { bytes } = await writeToBuffer(latin1, SAMPLE_CONTEXT, [{ name: 'Café' }]);
    expect(bytes.includes(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe(true);
    await expect(writeToBuffer(latin1, SAMPLE_CONTEXT, [{ name: 'Kyiv' }, { name: 'Київ' }])).rejects.toThrow(
      'detail record 2, field name: the character at position 1 cannot be written in latin1',
    );
    await expect(writeToBuffer(ascii, SAMPLE_CONTEXT, [{ name: 'Café' }])).rejects.toThrow(
      'detail record 1, field name: the character at position 4 cannot be written in ascii',
    );
    await expect(writeToBuffer(latin1, SAMPLE_CONTEXT, [{ name: 'two\nlines' }])).rejects.toThrow(
      'detail record 1, field name: control character (code 10) at position 4',
    );
  });

  it('refuses a missing value, a fraction and a negative amount where the layout writes unsigned ones', async () => {
    await expect(writeToBuffer(csv, SAMPLE_CONTEXT, withLine({ stan: undefined }))).rejects.toThrow('detail record 2, field stan: must be text');
    await expect(writeToBuffer(csv, SAMPLE_CONTEXT, withLine({ amountMinor: 12.5 }))).rejects.toThrow('detail record 2, field amount: must be an integer');
    const unsigned = layoutWith({ amount: { name: 'amount', type: 'amount', sign: 'unsigned' } });
    await expect(writeToBuffer(unsigned, SAMPLE_CONTEXT, [{ name: 'x', amount: -1n }])).rejects.toThrow('detail record 1, field amount: is negative');
  });

  it('destroys the sink and reports nothing when a record fails half way', async () => {
    const received: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        done();
      },
    });
    const lines = [...Array.from({ length: 2_000 }, () => SAMPLE_LINES[0]), { ...SAMPLE_LINES[0], stan: '12345' }];
    await expect(writeLayoutFile(fixed, SAMPLE_CONTEXT, lines, sink)).rejects.toThrow('detail record 2001, field stan: must be exactly 6 characters, has 5');
    expect(sink.destroyed).toBe(true);
    expect(Buffer.concat(received).toString('latin1')).not.toContain('FT');
  });

  it('makes the file name from data and refuses one that is not a plain file name', async () => {
    await expect(writeToBuffer(csv, { ...SAMPLE_CONTEXT, values: { acquirerId: '../../etc' } }, [])).rejects.toThrow(
      'file context, field fileName: file name from TX_{acquirerId}_{businessDay:yyyyMMdd}_{sequence:4}.csv is not a plain file name',
    );
    await expect(writeToBuffer(csv, { ...SAMPLE_CONTEXT, values: {} }, [])).rejects.toThrow(
      'file context, field fileName: file name needs the value acquirerId',
    );
    await expect(writeToBuffer(csv, { ...SAMPLE_CONTEXT, businessDay: '2026-13-01' }, [])).rejects.toThrow(
      'file context, field businessDay: is not a real calendar date',
    );
  });

  it('does not take its own SHA-256 for a PAN when the hex holds a Luhn-valid run of digits', async () => {
    const layout = layoutWith({ trailer: true });
    const panLike = (hex: string) => /(?<![0-9])[1-9][0-9]{12,18}(?![0-9])/.exec(hex)?.[0];
    let name = 0;
    while (!isLuhnValid(panLike(createHash('sha256').update(`${name}\n`).digest('hex')) ?? '0')) name += 1;
    const { bytes } = await writeToBuffer(layout, SAMPLE_CONTEXT, [{ name: String(name) }]);
    expect(bytes.toString()).toBe(`${name}\n${createHash('sha256').update(`${name}\n`).digest('hex')}\n`);
  });

  it('gives the same bytes for the same context and details (no clock inside)', async () => {
    const first = await writeToBuffer(fixed, SAMPLE_CONTEXT, SAMPLE_LINES);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await writeToBuffer(fixed, SAMPLE_CONTEXT, SAMPLE_LINES);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('pulls details only as fast as the sink takes the bytes (backpressure)', async () => {
    let pulled = 0;
    function* many() {
      for (let i = 0; i < 100_000; i += 1) {
        pulled += 1;
        yield { ...SAMPLE_LINES[0], stan: String(i % 1_000_000).padStart(6, '0') };
      }
    }
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const sink = new Writable({
      highWaterMark: 1,
      write(_chunk: Buffer, _encoding, done) {
        void stalled.then(() => done());
      },
    });
    const writing = writeLayoutFile(fixed, SAMPLE_CONTEXT, many(), sink);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A chunk is ~64 KiB (about 540 lines of 122 bytes); a few chunks may wait in the pipe, not the whole file.
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(5_000);
    release();
    await expect(writing).resolves.toMatchObject({ detailCount: 100_000, byteLength: 100_002 * 122 });
  });
});

/** A one-field CSV layout (a printable `name`) with what the test changes. */
function layoutWith(change: { encoding?: string; acquirerId?: object; amount?: object; trailer?: boolean }) {
  return layoutFromDefinition({
    name: 'test',
    format: 'csv',
    encoding: change.encoding ?? 'utf-8',
    lineEnding: 'lf',
    csv: { delimiter: ',' },
    fileName: 'test.csv',
    ...(change.trailer ? { checksum: { algorithm: 'sha256' } } : {}),
    records: {
      ...(change.trailer ? { trailer: { fields: [{ name: 'sha256', type: 'text', source: 'checksum' }] } } : {}),
      ...(change.acquirerId ? { header: { fields: [change.acquirerId] } } : {}),
      detail: { fields: [{ name: 'name', type: 'text' }, ...(change.amount ? [change.amount] : [])] },
    },
  });
}
