import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { bankAccountsEnvSchema, BankAccountRegistry } from './bank-account.config';

/** The variable as the service's env schema loads it at boot (without importing config/, which imports this folder). */
const loadSettlementEnv = (env: NodeJS.ProcessEnv) => loadConfig(z.object({ SETTLEMENT_BANK_ACCOUNTS: bankAccountsEnvSchema }), env);

const accountsOf = (accounts: unknown) => loadSettlementEnv({ SETTLEMENT_BANK_ACCOUNTS: JSON.stringify(accounts) }).SETTLEMENT_BANK_ACCOUNTS;
const FI = { id: 'fi-eur', account: 'FI74 3301 0001 2220 90', currency: 'EUR', format: 'camt053' };

describe('SETTLEMENT_BANK_ACCOUNTS', () => {
  it('is empty unless configured, and a profile is standard unless named', () => {
    expect(loadSettlementEnv({}).SETTLEMENT_BANK_ACCOUNTS).toEqual([]);
    expect(accountsOf([FI, { ...FI, id: 'fi-eur-ntf', format: 'camt054' }])).toEqual([
      { ...FI, profile: 'standard' },
      { ...FI, id: 'fi-eur-ntf', format: 'camt054', profile: 'standard' },
    ]);
  });

  it.each([
    ['not JSON', '[{', /SETTLEMENT_BANK_ACCOUNTS.*expected a JSON array/],
    ['an unknown format', JSON.stringify([{ ...FI, format: 'pain001' }]), /SETTLEMENT_BANK_ACCOUNTS.*\[0\.format\]/],
    [
      'a profile for another format',
      JSON.stringify([{ ...FI, format: 'camt054', profile: 'available-balances' }]),
      /\[0\.profile\] the bank profile does not apply to this format/,
    ],
    ['an id twice', JSON.stringify([FI, { ...FI, account: 'CH2909000000250094239' }]), /\[1\] id fi-eur is configured twice/],
    [
      'the same account and format twice',
      JSON.stringify([FI, { ...FI, id: 'other', account: 'fi7433010001222090' }]),
      /\[1\] account FI7433010001222090 in camt053 is configured twice/,
    ],
    ['a field it does not know', JSON.stringify([{ ...FI, iban: 'x' }]), /\[0\] Unrecognized key/],
  ])('stops the boot for %s, naming the entry and field', (_, value, message) => {
    expect(() => loadSettlementEnv({ SETTLEMENT_BANK_ACCOUNTS: value })).toThrow(message);
  });
});

describe(BankAccountRegistry.name, () => {
  const sut = new BankAccountRegistry(accountsOf([FI, { ...FI, id: 'lt-eur', account: 'LT007180000000000000', profile: 'available-balances' }]));

  it('finds an account as a statement spells it, and says when it is configured only for other formats', () => {
    expect(sut.find('FI7433010001222090', 'camt053')).toMatchObject({ kind: 'configured', bankAccount: { id: 'fi-eur' } });
    expect(sut.find('FI7433010001222090', 'mt940')).toEqual({ kind: 'other_format', formats: ['camt053'] });
    expect(sut.find('FI0000000000000000', 'camt053')).toEqual({ kind: 'unknown' });
  });

  it('lists the profiles configured for a format', () => {
    expect(sut.profilesFor('camt053')).toEqual(['standard', 'available-balances']);
    expect(sut.profilesFor('mt940')).toEqual([]);
  });
});
