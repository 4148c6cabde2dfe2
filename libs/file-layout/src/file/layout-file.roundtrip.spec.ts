import fc from 'fast-check';

import { layoutFromDefinition } from '../definition/layout-definition.loader';
import { shippedLayout } from '../definition/shipped-layouts';
import { assertNoFullPan } from '../field/pan-guard.check';
import { inPieces, writeToBuffer } from '../testing/layout-file-buffer.util';
import { SAMPLE_CONTEXT } from '../testing/sample-settlement-lines.util';
import { readLayoutFile } from './layout-file.reader';

const alphanumeric = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength, maxLength });
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const notAPan = (text: string) => {
  try {
    assertNoFullPan(text);
    return true;
  } catch {
    return false;
  }
};

/** A settlement line as settlement would hand it over; amounts fit the fixed layout's 12 digits. */
const settlementLine = fc.record({
  terminalId: alphanumeric(1, 8),
  merchantId: alphanumeric(1, 15).filter(notAPan),
  transactionTime: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31, 23, 59, 59) / 1000 }).map((s) => new Date(s * 1000)),
  maskedPan: fc.tuple(digits(6), fc.integer({ min: 3, max: 9 }), digits(4)).map(([bin, stars, last]) => `${bin}${'*'.repeat(stars)}${last}`),
  amountMinor: fc.bigInt({ min: -(10n ** 12n) + 1n, max: 10n ** 12n - 1n }),
  currency: fc.constantFrom('978', '392', '414', '840'),
  operationType: alphanumeric(1, 10),
  approvalCode: alphanumeric(0, 6),
  rrn: digits(12),
  stan: digits(6),
  scheme: alphanumeric(1, 10),
});

describe.each(['acquirer-transactions-csv', 'acquirer-transactions-fixed'])('write then read (%s)', (name) => {
  const layout = shippedLayout(name);

  it('gives back any settlement lines, their count and their total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(settlementLine, { maxLength: 25 }), async (lines) => {
        const { bytes, summary } = await writeToBuffer(layout, SAMPLE_CONTEXT, lines);
        const file = await readLayoutFile(layout, inPieces(bytes, 13));
        const total = lines.reduce((sum, line) => sum + line.amountMinor, 0n);
        expect(file.details).toEqual(lines);
        expect(file.trailer?.totalAmountMinor).toBe(total);
        expect(file.totals).toEqual({ detailCount: lines.length, lineCount: lines.length + 2, totals: { amount: total }, checksum: summary.checksum });
      }),
    );
  });
});

describe('write then read (CSV with any printable text)', () => {
  const layout = layoutFromDefinition({
    name: 'payee-registry-test',
    format: 'csv',
    encoding: 'utf-8',
    lineEnding: 'lf',
    csv: { delimiter: ',', quoting: 'needed' },
    fileName: 'registry.csv',
    checksum: { algorithm: 'sha256' },
    records: {
      detail: {
        fields: [
          { name: 'payee', type: 'text' },
          { name: 'note', type: 'text' },
          { name: 'amount', type: 'amount', decimalPoint: true, exponent: 3, sign: 'leading' },
        ],
      },
      trailer: {
        fields: [
          { name: 'count', type: 'integer', source: 'recordCount' },
          { name: 'total', type: 'amount', source: 'total', of: 'amount' },
          { name: 'sha256', type: 'text', source: 'checksum' },
        ],
      },
    },
  });
  const printable = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && notAPan(s));

  it('quotes delimiters and quotes so that every value reads back as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ payee: fc.oneof(printable, fc.constantFrom('a,b', '"quoted"', ' x ', '')), note: printable, amount: fc.bigInt() }), {
          maxLength: 20,
        }),
        async (lines) => {
          const { bytes } = await writeToBuffer(layout, SAMPLE_CONTEXT, lines);
          const file = await readLayoutFile(layout, inPieces(bytes, 5));
          expect(file.details).toEqual(lines);
          expect(file.trailer?.total).toBe(lines.reduce((sum, line) => sum + line.amount, 0n));
        },
      ),
    );
  });
});
