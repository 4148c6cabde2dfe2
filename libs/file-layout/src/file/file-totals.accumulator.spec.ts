import { layoutFromDefinition } from '../definition/layout-definition.loader';
import { FileTotalsAccumulator } from './file-totals.accumulator';

describe(FileTotalsAccumulator.name, () => {
  const layout = layoutFromDefinition({
    name: 'hash-total-test',
    format: 'csv',
    encoding: 'ascii',
    lineEnding: 'lf',
    csv: { delimiter: ',' },
    fileName: 'x.csv',
    checksum: { algorithm: 'hash-total', of: 'amount' },
    records: {
      detail: { fields: [{ name: 'amount', type: 'amount' }] },
      trailer: {
        fields: [
          { name: 'total', type: 'amount', source: 'total', of: 'amount' },
          { name: 'hash', type: 'integer', source: 'checksum' },
        ],
      },
    },
  });

  it('sums amounts with their sign, and hash-totals them without it', () => {
    const sut = new FileTotalsAccumulator(layout);
    sut.add({ amount: -500n }, '-500\n');
    sut.add({ amount: 1250 }, '1250\n');
    expect(sut.finish()).toEqual({ detailCount: 2, lineCount: 3, totals: { amount: 750n }, checksum: 1750n });
  });
});
