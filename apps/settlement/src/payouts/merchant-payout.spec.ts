import { type DebtorAccount, type MerchantBatchSum, payoutDraftsOf } from './merchant-payout';

const creditor = { name: 'Cafe Svejk', iban: 'DE89370400440532013000' };
const debtor: DebtorAccount = { accountId: 'ops-eur', name: 'Payments Platform', iban: 'CZ6508000000192000145399' };
const sum = (change: Partial<MerchantBatchSum>): MerchantBatchSum => ({
  merchantId: 'M1',
  currency: 'EUR',
  lineCount: 1,
  grossMinor: 1000n,
  feeMinor: 0n,
  ...change,
});
const context = {
  merchantAccountOf: (merchantId: string) => (merchantId === 'M1' ? creditor : undefined),
  debtorAccountOf: (currency: string) => (currency === 'EUR' ? debtor : undefined),
};

describe(payoutDraftsOf.name, () => {
  it("pays the merchant's gross (debits - credits) minus the acquirer's expected fees", () => {
    const drafts = payoutDraftsOf([sum({ lineCount: 5, grossMinor: 4799n, feeMinor: 125n })], context);

    expect(drafts).toEqual([
      { merchantId: 'M1', currency: 'EUR', lineCount: 5, grossMinor: 4799n, feeMinor: 125n, netMinor: 4674n, heldReason: null, creditor, debtor },
    ]);
  });

  it('gives one payout per merchant and currency, ordered by both', () => {
    const drafts = payoutDraftsOf([sum({ merchantId: 'M2' }), sum({ currency: 'JPY', grossMinor: 500n }), sum({})], context);

    expect(drafts.map((d) => [d.merchantId, d.currency, d.netMinor])).toEqual([
      ['M1', 'EUR', 1000n],
      ['M1', 'JPY', 500n],
      ['M2', 'EUR', 1000n],
    ]);
  });

  it.each([
    ['net_not_positive', sum({ grossMinor: 0n }), 'M1'], // refunds as large as the sales
    ['net_not_positive', sum({ grossMinor: 5n, feeMinor: 10n }), 'M1'], // the fee above the gross
    ['no_merchant_account', sum({ merchantId: 'M9' }), 'M9'],
    ['no_debtor_account', sum({ currency: 'USD' }), 'M1'],
  ])('holds a payout with the reason %s', (reason, batchSum, merchantId) => {
    const [draft] = payoutDraftsOf([batchSum], context);

    expect(draft).toMatchObject({ merchantId, heldReason: reason });
  });
});
