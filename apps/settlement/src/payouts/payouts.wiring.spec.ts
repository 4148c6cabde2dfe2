import { SettlementModule } from '../settlement.module';

const payouts = {
  initiatingParty: 'Payments Platform',
  debtor: { name: 'Payments Platform s.r.o.' },
  accounts: { EUR: 'ops-eur' },
  delivery: { kind: 'folder', path: '/srv/bank-out' },
};
const bankAccounts = [{ id: 'ops-eur', account: 'CZ6508000000192000145399', currency: 'EUR', format: 'camt053' }];

describe('payouts wiring', () => {
  it('boots with payouts paid from a configured bank account', () => {
    const env = { SETTLEMENT_PAYOUTS: JSON.stringify(payouts), SETTLEMENT_BANK_ACCOUNTS: JSON.stringify(bankAccounts) };

    expect(SettlementModule.forRoot(env).controllers?.map((c) => c.name)).toEqual(expect.arrayContaining(['PayoutsController', 'PayoutFilesController']));
  });

  it('does not boot when the debtor account is not among SETTLEMENT_BANK_ACCOUNTS, naming it', () => {
    expect(() => SettlementModule.forRoot({ SETTLEMENT_PAYOUTS: JSON.stringify(payouts) })).toThrow(
      'SETTLEMENT_PAYOUTS: accounts.EUR: "ops-eur" is not an id of SETTLEMENT_BANK_ACCOUNTS',
    );
  });

  it('does not boot with a merchant account whose IBAN is wrong, naming the merchant and field', () => {
    const env = { SETTLEMENT_MERCHANT_ACCOUNTS: JSON.stringify({ M1: { name: 'Cafe', iban: 'DE00370400440532013000' } }) };

    expect(() => SettlementModule.forRoot(env)).toThrow(/SETTLEMENT_MERCHANT_ACCOUNTS: M1\.iban: the IBAN check digits do not match/);
  });
});
