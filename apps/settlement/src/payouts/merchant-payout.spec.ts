import { AcquirerFeeSchedule } from '../reconciliation/acquirer-fee.schedule';
import { type BatchLineGroup, type DebtorAccount, payoutDraftsOf } from './merchant-payout';

const creditor = { name: 'Cafe Svejk', iban: 'DE89370400440532013000' };
const debtor: DebtorAccount = { accountId: 'ops-eur', name: 'Payments Platform', iban: 'CZ6508000000192000145399' };
const group = (change: Partial<BatchLineGroup>): BatchLineGroup => ({
  merchantId: 'M1',
  currency: 'EUR',
  scheme: 'visa',
  direction: 'debit',
  amountMinor: 1000n,
  lineCount: 1,
  ...change,
});
const fees = new AcquirerFeeSchedule({ 'acq-cz': { visa: { basisPoints: 150, fixedMinor: 10n }, '*': { basisPoints: 200, fixedMinor: 0n } } });
const context = (acquirerId = 'acq-cz') => ({
  acquirerId,
  fees,
  merchantAccountOf: (merchantId: string) => (merchantId === 'M1' ? creditor : undefined),
  debtorAccountOf: (currency: string) => (currency === 'EUR' ? debtor : undefined),
});

describe(payoutDraftsOf.name, () => {
  it('pays gross (debits - credits) minus the acquirer fee expected of each debit line, rounded half up per line', () => {
    const drafts = payoutDraftsOf(
      [
        group({ amountMinor: 1033n, lineCount: 3 }), // 1.5 % of 10.33 = 0.15495 -> 0.15, + 0.10: 25 per line
        group({ scheme: 'mastercard', amountMinor: 2500n }), // '*': 2 % = 50
        group({ direction: 'credit', amountMinor: 800n }), // a refund: no fee
      ],
      context(),
    );

    expect(drafts).toEqual([
      {
        merchantId: 'M1',
        currency: 'EUR',
        lineCount: 5,
        grossMinor: 3n * 1033n + 2500n - 800n,
        feeMinor: 3n * 25n + 50n,
        netMinor: 4799n - 125n,
        heldReason: null,
        creditor,
        debtor,
      },
    ]);
  });

  it('charges no fee where no rate is configured for the acquirer', () => {
    const [draft] = payoutDraftsOf([group({ amountMinor: 1000n, lineCount: 2 })], context('acq-other'));

    expect(draft).toMatchObject({ grossMinor: 2000n, feeMinor: 0n, netMinor: 2000n, heldReason: null });
  });

  it('gives one payout per merchant and currency, ordered by both', () => {
    const drafts = payoutDraftsOf([group({ merchantId: 'M2' }), group({ currency: 'JPY', amountMinor: 500n }), group({})], context('acq-other'));

    expect(drafts.map((d) => [d.merchantId, d.currency, d.netMinor])).toEqual([
      ['M1', 'EUR', 1000n],
      ['M1', 'JPY', 500n],
      ['M2', 'EUR', 1000n],
    ]);
  });

  it.each([
    ['net_not_positive', [group({}), group({ direction: 'credit' })], 'M1'],
    ['net_not_positive', [group({ amountMinor: 5n })], 'M1'], // 5 - (0.075 -> 0 + 10) < 0
    ['no_merchant_account', [group({ merchantId: 'M9' })], 'M9'],
    ['no_debtor_account', [group({ currency: 'USD' })], 'M1'],
  ])('holds a payout with the reason %s', (reason, groups, merchantId) => {
    const [draft] = payoutDraftsOf(groups, context());

    expect(draft).toMatchObject({ merchantId, heldReason: reason });
  });
});
