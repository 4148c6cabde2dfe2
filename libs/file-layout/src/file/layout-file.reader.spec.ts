import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { shippedLayout } from '../definition/shipped-layouts';
import { inPieces, writeToBuffer } from '../testing/layout-file-buffer.util';
import { SAMPLE_CONTEXT, SAMPLE_LINES } from '../testing/sample-settlement-lines.util';
import { LayoutBalanceError } from './layout-balance.error';
import { readLayoutFile, readLayoutRecords } from './layout-file.reader';
import { writeLayoutFile } from './layout-file.writer';

/** A caller's own type, as settlement would declare it: an interface, without an index signature. */
interface SettlementLine {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly transactionTime: Date;
  readonly maskedPan: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly operationType: string;
  readonly approvalCode: string;
  readonly rrn: string;
  readonly stan: string;
  readonly scheme: string;
}

describe.each(['acquirer-transactions-csv', 'acquirer-transactions-fixed'])('readLayoutFile (%s)', (name) => {
  const layout = shippedLayout(name);
  const written = () => writeToBuffer(layout, SAMPLE_CONTEXT, SAMPLE_LINES);
  const read = (bytes: Buffer) => readLayoutFile(layout, inPieces(bytes));

  it('gives back the details, the header and the trailer as written', async () => {
    const { bytes, summary } = await written();
    const file = await read(bytes);
    expect(file.details).toEqual(SAMPLE_LINES);
    expect(file.header).toMatchObject({ acquirerId: 'ACQ01', businessDay: '2026-12-04', createdAt: SAMPLE_CONTEXT.createdAt, fileSequence: 7n });
    expect(file.trailer).toMatchObject({ detailCount: 3n, totalAmountMinor: 98750n });
    expect(file.totals).toEqual({ detailCount: 3, lineCount: 5, totals: { amount: 98750n }, checksum: summary.checksum });
  });

  it('round-trips through a real file on disk, from typed settlement lines', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'file-layout-')), 'out');
    const lines: readonly SettlementLine[] = SAMPLE_LINES;
    const summary = await writeLayoutFile(layout, SAMPLE_CONTEXT, lines, createWriteStream(path));
    const file = await readLayoutFile(layout, createReadStream(path, { highWaterMark: 16 }));
    expect(file.details).toEqual(SAMPLE_LINES);
    expect(summary.byteLength).toBe((await written()).bytes.length);
  });

  it('re-generates the file byte for byte from what it read', async () => {
    const { bytes } = await written();
    const file = await read(bytes);
    const again = await writeToBuffer(layout, SAMPLE_CONTEXT, file.details);
    expect(again.bytes.equals(bytes)).toBe(true);
  });

  it('refuses a file whose amount was changed, naming the total and the checksum that differ', async () => {
    const { bytes } = await written();
    const text = bytes.toString('latin1');
    const tampered = Buffer.from(text.includes('12.50') ? text.replace('12.50', '12.60') : text.replace('000000001250+', '000000001260+'), 'latin1');
    const error = await read(tampered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutBalanceError);
    const { differences } = error as LayoutBalanceError;
    expect(differences[0]).toBe('trailer field totalAmountMinor: the file says 98750, its details make 98760');
    // The CSV's SHA-256 sees the change too; the fixed layout's hash total is of the RRNs, which did not change.
    expect(differences).toHaveLength(name.endsWith('csv') ? 2 : 1);
  });

  it('refuses a file with a detail line removed, and yields no trailer for it', async () => {
    const { bytes } = await written();
    const lines = bytes.toString('latin1').split(layout.lineEnding);
    const shorter = Buffer.from([...lines.slice(0, 2), ...lines.slice(3)].join(layout.lineEnding), 'latin1');
    const kinds: string[] = [];
    const reading = (async () => {
      for await (const record of readLayoutRecords(layout, inPieces(shorter))) kinds.push(record.kind);
    })();
    await expect(reading).rejects.toThrow(/trailer field detailCount: the file says 3, its details make 2/);
    expect(kinds).toEqual(['header', 'detail', 'detail']);
  });

  it('refuses a file that carries a full PAN, without echoing it', async () => {
    const { bytes } = await written();
    // 378282246310005 is a 15-digit test PAN, as wide as the merchant id it replaces.
    const leaked = Buffer.from(bytes.toString('latin1').replace('M00000000000042', '378282246310005'), 'latin1');
    const error = await read(leaked).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/line 2 \(detail\), field merchantId: looks like a full PAN/);
    expect((error as Error).message).not.toContain('37828224');
  });

  it('refuses a file cut short, a wrong line ending and a foreign record type', async () => {
    const { bytes } = await written();
    await expect(read(bytes.subarray(0, bytes.length - 5))).rejects.toThrow('line 5: has no line ending: the file ends in the middle of a record');
    await expect(read(Buffer.from(bytes.toString('latin1').replaceAll('\r\n', '\n'), 'latin1'))).rejects.toThrow(
      'line 1: ends with LF alone, the layout declares CR LF',
    );
    const text = bytes.toString('latin1');
    const swapped = text.replace(/\r\n(D;|DT)/, (_m, type: string) => `\r\n${type === 'D;' ? 'X;' : 'XT'}`);
    await expect(read(Buffer.from(swapped, 'latin1'))).rejects.toThrow(/line 2 \(detail\), field recordType: is not the layout's constant "DT?"/);
  });
});

describe('readLayoutFile (journal-entries-csv): totals of some details', () => {
  const layout = shippedLayout('journal-entries-csv');
  const context = { businessDay: '2026-12-01', createdAt: new Date('2026-12-02T00:05:00Z'), sequence: 3, values: { ledgerId: 'PAYGL', currency: 'EUR' } };
  const entry = (debitCredit: 'D' | 'C', account: string, amountMinor: bigint) => ({
    entryDate: '2026-12-01',
    account,
    debitCredit,
    amountMinor,
    currency: 'EUR',
    reference: 'posting-1',
    batchId: 'batch-1',
    narrative: 'settlement acq-cz 2026-12-01 DR 1011 CR 2010 4 lines',
  });
  const entries = [entry('D', '1011', 8850n), entry('C', '2010', 8850n), entry('D', '2010', 100n), entry('C', '1011', 100n)];

  it('writes the debits and the credits summed from the D and the C entries, and reads them back checked', async () => {
    const { bytes } = await writeToBuffer(layout, context, entries);
    expect(bytes.toString('utf8')).toMatch(/\r\nT;4;8950;8950;[0-9a-f]{64}\r\n$/);
    expect((await readLayoutFile(layout, inPieces(bytes))).trailer).toMatchObject({ entryCount: 4n, totalDebitMinor: 8950n, totalCreditMinor: 8950n });
  });

  it('refuses a file whose trailer states other debit and credit totals than its entries make', async () => {
    const { bytes } = await writeToBuffer(layout, context, entries);
    const tampered = Buffer.from(bytes.toString('utf8').replace(/\r\nT;4;8950;8950;/, '\r\nT;4;8960;8940;'), 'utf8');
    const error = await readLayoutFile(layout, inPieces(tampered)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutBalanceError);
    expect((error as LayoutBalanceError).differences).toEqual([
      'trailer field totalDebitMinor: the file says 8960, its details make 8950',
      'trailer field totalCreditMinor: the file says 8940, its details make 8950',
    ]);
  });
});
