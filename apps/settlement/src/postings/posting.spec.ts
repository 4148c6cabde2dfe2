import shippedFile from '../../config/posting-mapping.json';
import { postingsOf, UnmappedLinesError } from './posting';
import { PostingMapping } from './posting-mapping';
import { loadPostingMapping } from './posting-mapping.loader';
import { lineGroup } from './testing/line-group.fixture';

const shipped = loadPostingMapping();
describe(postingsOf.name, () => {
  it('debits the receivable and credits the merchant for a debit line, and the other way for a credit line', () => {
    expect(postingsOf([lineGroup(), lineGroup({ operation: 'refund', direction: 'credit', amountMinor: 300n })], shipped)).toMatchObject([
      { debitAccount: '1011', creditAccount: '2010', currency: 'EUR', amountMinor: 1250n, lineCount: 1 },
      { debitAccount: '2010', creditAccount: '1011', currency: 'EUR', amountMinor: 300n, lineCount: 1 },
    ]);
  });

  it('posts a reversed purchase (a credit line) back from the merchant to the receivable, without netting it away', () => {
    const postings = postingsOf([lineGroup({ amountMinor: 4000n }), lineGroup({ event: 'reversed', direction: 'credit', amountMinor: 4000n })], shipped);

    expect(postings).toMatchObject([
      { debitAccount: '1011', creditAccount: '2010', amountMinor: 4000n, sources: [{ event: 'authorized', ruleId: 'visa-debit' }] },
      { debitAccount: '2010', creditAccount: '1011', amountMinor: 4000n, sources: [{ event: 'reversed', ruleId: 'visa-credit' }] },
    ]);
  });

  it('sums the groups of one account pair and currency into one posting that keeps each group as a source', () => {
    const postings = postingsOf(
      [
        lineGroup({ merchantId: 'SHOP1', lineCount: 3, amountMinor: 999n }),
        lineGroup({ merchantId: 'SHOP2', operation: 'cash_withdrawal', lineCount: 2, amountMinor: 20001n }),
        lineGroup({ currency: 'CZK', lineCount: 1, amountMinor: 900719925474099312n }),
      ],
      shipped,
    );

    expect(postings).toHaveLength(2);
    expect(postings[0]).toMatchObject({ currency: 'CZK', amountMinor: 900719925474099312n, lineCount: 1 });
    expect(postings[1]).toMatchObject({ debitAccount: '1011', creditAccount: '2010', currency: 'EUR', amountMinor: 21000n, lineCount: 5 });
    expect(postings[1].sources.map((s) => [s.merchantId, s.operation, s.lineCount, s.amountMinor])).toEqual([
      ['SHOP1', 'purchase', 3, 999n],
      ['SHOP2', 'cash_withdrawal', 2, 20001n],
    ]);
  });

  it('refuses the whole batch when a line is unmapped, naming its operation, merchant, scheme and currency', () => {
    const narrow = PostingMapping.of({ ...shippedFile, rules: shippedFile.rules.filter((r) => r.direction === 'debit') }, 'debits-only.json');
    const refunds = lineGroup({ operation: 'refund', direction: 'credit', scheme: null, lineCount: 2 });

    expect(() => postingsOf([lineGroup(), refunds], narrow)).toThrow(UnmappedLinesError);
    expect(() => postingsOf([lineGroup(), refunds], narrow)).toThrow(
      'no posting rule maps operation refund (authorized, credit), merchant SHOP1, scheme unknown, currency EUR (2 lines)',
    );
  });

  it('posts nothing for a batch without lines', () => {
    expect(postingsOf([], shipped)).toEqual([]);
  });
});
