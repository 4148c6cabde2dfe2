import type { ConfiguredBankAccount } from '../../statements/bank-account.config';
import { resolvePayoutsConfig } from '../payouts.config';
import { loadPayoutsEnv } from './payouts-env';

const payouts = {
  initiatingParty: 'Payments Platform',
  debtor: { name: 'Payments Platform s.r.o.', bic: 'GIBACZPX' },
  accounts: { EUR: 'ops-eur' },
  delivery: { kind: 'folder', path: '/srv/bank-out' },
};
const bankAccounts: ConfiguredBankAccount[] = [
  { id: 'ops-eur', account: 'CZ65 0800 0000 1920 0014 5399', currency: 'EUR', format: 'camt053', profile: 'standard' },
  { id: 'ops-czk', account: '19-2000145399/0800', currency: 'CZK', format: 'mt940', profile: 'standard' },
];
const envOf = (variables: Record<string, unknown>) =>
  loadPayoutsEnv(Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)])));

describe(loadPayoutsEnv.name, () => {
  it('makes no payouts unless configured', () => {
    expect(loadPayoutsEnv({})).toEqual({ SETTLEMENT_PAYOUTS: undefined, SETTLEMENT_MERCHANT_ACCOUNTS: {} });
  });

  it('reads the merchants accounts (spaces in an IBAN dropped) and pays from the bank account of the currency', () => {
    const env = envOf({ SETTLEMENT_PAYOUTS: payouts, SETTLEMENT_MERCHANT_ACCOUNTS: { M1: { name: 'Cafe', iban: 'DE89 3704 0044 0532 0130 00' } } });

    expect(env.SETTLEMENT_MERCHANT_ACCOUNTS).toEqual({ M1: { name: 'Cafe', iban: 'DE89370400440532013000' } });
    expect(resolvePayoutsConfig(env, bankAccounts)?.debtorAccounts.get('EUR')).toEqual({
      accountId: 'ops-eur',
      name: 'Payments Platform s.r.o.',
      iban: 'CZ6508000000192000145399',
      bic: 'GIBACZPX',
    });
  });

  it.each([
    [{ M7: { name: 'Cafe', iban: 'DE88370400440532013000' } }, /SETTLEMENT_MERCHANT_ACCOUNTS: M7\.iban: the IBAN check digits do not match/],
    [{ M7: { name: 'Cafe', iban: 'not an iban' } }, /M7\.iban: expected an IBAN/],
    [{ M8: { name: 'x'.repeat(141), iban: 'DE89370400440532013000' } }, /M8\.name/],
    [{ M9: { name: 'Cafe', iban: 'DE89370400440532013000', bic: 'cobadeff' } }, /M9\.bic: expected a BIC/],
    ['[', /SETTLEMENT_MERCHANT_ACCOUNTS: expected a JSON object/],
  ])('stops the boot on a bad merchant account, naming the merchant and field', (accounts, message) => {
    expect(() => envOf({ SETTLEMENT_MERCHANT_ACCOUNTS: accounts })).toThrow(message);
  });

  it.each([
    [{ ...payouts, accounts: { EUR: 'nope' } }, 'SETTLEMENT_PAYOUTS: accounts.EUR: "nope" is not an id of SETTLEMENT_BANK_ACCOUNTS'],
    [{ ...payouts, accounts: { USD: 'ops-eur' } }, 'SETTLEMENT_PAYOUTS: accounts.USD: bank account "ops-eur" is in EUR'],
    [{ ...payouts, accounts: { CZK: 'ops-czk' } }, 'SETTLEMENT_PAYOUTS: accounts.CZK: bank account "ops-czk" is not an IBAN (expected an IBAN'],
  ])('stops the boot on a debtor account that is not a configured IBAN of its currency', (config, message) => {
    expect(() => resolvePayoutsConfig(envOf({ SETTLEMENT_PAYOUTS: config }), bankAccounts)).toThrow(message);
  });

  it('stops the boot on a bad SETTLEMENT_PAYOUTS, naming the field', () => {
    expect(() => envOf({ SETTLEMENT_PAYOUTS: { ...payouts, delivery: { kind: 'ftp' } } })).toThrow(/SETTLEMENT_PAYOUTS: delivery\.kind/);
  });
});
