import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PostedLineKind, PostingMapping, PostingMappingError } from './posting-mapping';
import { loadPostingMapping } from './posting-mapping.loader';
import { lineGroup } from './testing/line-group.fixture';

const accounts = [
  { number: '1011', name: 'Visa receivable', type: 'asset' },
  { number: '1019', name: 'Other receivable', type: 'asset' },
  { number: '2010', name: 'Merchant payable', type: 'liability' },
  { number: '2099', name: 'Big merchant payable', type: 'liability' },
];
const rule = (id: string, change: Record<string, string> = {}) => ({ id, direction: 'debit', debitAccount: '1019', creditAccount: '2010', ...change });
const mappingOf = (rules: object[]) => PostingMapping.of({ accounts, rules }, 'test-mapping.json');
const problemsOf = (content: unknown): readonly string[] => {
  try {
    PostingMapping.of(content, 'test-mapping.json');
  } catch (error) {
    if (error instanceof PostingMappingError) return error.problems;
    throw error;
  }
  throw new Error('expected the mapping refused');
};
const line = (change: Partial<PostedLineKind> = {}): PostedLineKind => lineGroup(change);

describe(PostingMapping.name, () => {
  const sut = mappingOf([
    rule('any-debit'),
    rule('visa-debit', { scheme: 'visa', debitAccount: '1011' }),
    rule('big-shop-visa-debit', { scheme: 'visa', merchant: 'BIGSHOP', creditAccount: '2099' }),
    rule('reversed-eur-visa-debit', { scheme: 'visa', event: 'reversed', currency: 'EUR', debitAccount: '1011', creditAccount: '2099' }),
    rule('any-credit', { direction: 'credit', debitAccount: '2010', creditAccount: '1019' }),
    rule('unknown-scheme-cash', { operation: 'cash_withdrawal', scheme: 'unknown', creditAccount: '2099' }),
  ]);
  const ruleOf = (change: Partial<PostedLineKind>) => sut.ruleFor(line(change))?.id;

  it('posts a line by the most specific rule that matches it', () => {
    expect(ruleOf({})).toBe('visa-debit');
    expect(ruleOf({ merchantId: 'BIGSHOP' })).toBe('big-shop-visa-debit');
    expect(ruleOf({ event: 'reversed', merchantId: 'BIGSHOP' })).toBe('reversed-eur-visa-debit');
    expect(sut.ruleFor(line({ merchantId: 'BIGSHOP' }))).toMatchObject({ debitAccount: '1019', creditAccount: '2099' });
  });

  it('falls back on wildcards for what no specific rule names', () => {
    expect(ruleOf({ scheme: 'mastercard' })).toBe('any-debit');
    expect(ruleOf({ event: 'reversed', currency: 'CZK' })).toBe('visa-debit');
    expect(ruleOf({ direction: 'credit', merchantId: 'BIGSHOP' })).toBe('any-credit');
  });

  it("matches a line without a card scheme as scheme 'unknown'", () => {
    expect(ruleOf({ operation: 'cash_withdrawal', scheme: null })).toBe('unknown-scheme-cash');
    expect(ruleOf({ operation: 'purchase', scheme: null })).toBe('any-debit');
  });

  it('maps nothing when no rule matches the line', () => {
    const narrow = mappingOf([rule('eur-debit', { currency: 'EUR' })]);

    expect(narrow.ruleFor(line({ currency: 'CZK' }))).toBeUndefined();
    expect(narrow.ruleFor(line({ direction: 'credit' }))).toBeUndefined();
  });

  it('names each account of the chart', () => {
    expect(sut.accountName('2010')).toBe('Merchant payable');
    expect(sut.accountName('9999')).toBeUndefined();
  });

  it('refuses a mapping whose fields are wrong, naming the JSON path of each', () => {
    expect(
      problemsOf({
        accounts: [...accounts, { number: '3 000', name: 'x', type: 'asset' }],
        rules: [rule('a', { direction: '*' }), rule('b', { currency: 'eur', colour: 'red' })],
      }),
    ).toEqual([
      'accounts[4].number: expected an account number of 1-34 letters, digits, dots or dashes',
      'rules[0].direction: Invalid option: expected one of "debit"|"credit"',
      'rules[1].currency: expected an ISO 4217 alphabetic code such as EUR',
      'rules[1]: Unrecognized key: "colour"',
    ]);
  });

  it('refuses accounts outside the chart, twice-used ids and numbers, and a rule debiting and crediting one account', () => {
    expect(
      problemsOf({
        accounts: [...accounts, accounts[0]],
        rules: [rule('a', { debitAccount: '5000' }), rule('a', { currency: 'EUR', creditAccount: '1019' })],
      }),
    ).toEqual([
      'accounts[4].number: account 1011 is listed twice',
      'rules[0].debitAccount: account 5000 is not in the chart (accounts)',
      'rules[1].id: rule id "a" is used twice',
      'rules[1].creditAccount: the same account as debitAccount',
    ]);
  });

  it('refuses two rules that would leave to their order which one posts a line', () => {
    expect(problemsOf({ accounts, rules: [rule('a', { scheme: 'visa' }), rule('b', { scheme: 'visa', creditAccount: '2099' })] })).toEqual([
      'rules[1]: matches exactly the lines rules[0] matches',
    ]);
    expect(problemsOf({ accounts, rules: [rule('visa', { scheme: 'visa' }), rule('eur', { currency: 'EUR' })] })).toEqual([
      'rules[1]: as specific as rules[0] and both match direction debit, scheme visa, currency EUR: add a rule for those lines',
    ]);
    expect(() =>
      mappingOf([rule('visa', { scheme: 'visa' }), rule('eur', { currency: 'EUR' }), rule('visa-eur', { scheme: 'visa', currency: 'EUR' })]),
    ).not.toThrow();
  });

  describe(loadPostingMapping.name, () => {
    const fileWith = (text: string): string => {
      const path = join(mkdtempSync(join(tmpdir(), 'posting-mapping-')), 'mapping.json');
      writeFileSync(path, text);
      return path;
    };

    it('ships an example chart that posts a purchase and its reversal both ways between receivable and merchant payable', () => {
      const shipped = loadPostingMapping();

      expect(shipped.ruleFor(line())).toMatchObject({ debitAccount: '1011', creditAccount: '2010' });
      expect(shipped.ruleFor(line({ event: 'reversed', direction: 'credit' }))).toMatchObject({ debitAccount: '2010', creditAccount: '1011' });
      expect(shipped.ruleFor(line({ scheme: null, operation: 'refund', direction: 'credit' }))).toMatchObject({ debitAccount: '2010', creditAccount: '1019' });
    });

    it('reads the file given, and stops on one that is not JSON or not a valid mapping, naming the file', () => {
      expect(loadPostingMapping(fileWith(JSON.stringify({ accounts, rules: [rule('only')] }))).ruleFor(line())?.id).toBe('only');
      const notJson = fileWith('{ "accounts": [');
      expect(() => loadPostingMapping(notJson)).toThrow(`posting mapping ${notJson} is invalid:\n  (root): cannot be read or parsed as JSON`);
      const invalid = fileWith(JSON.stringify({ accounts, rules: [] }));
      expect(() => loadPostingMapping(invalid)).toThrow(`posting mapping ${invalid} is invalid:\n  rules: Too small`);
    });
  });
});
