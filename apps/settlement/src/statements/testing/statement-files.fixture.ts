import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ConfiguredBankAccount } from '../bank-account.config';

/** The shared public samples, read in place as libs/bank-statements' specs do (ENVIRONMENT.md, "Public fixtures"). */
const STATEMENT_FIXTURES = join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'fixtures', 'bank-statements');

export const sampleFile = (name: string): Buffer => readFileSync(join(STATEMENT_FIXTURES, name));

export const POSTFINANCE = 'camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml';

/** The samples' accounts as an operator would configure them. */
export const SAMPLE_ACCOUNTS: readonly ConfiguredBankAccount[] = [
  { id: 'fi-eur', account: 'FI7433010001222090', currency: 'EUR', format: 'camt053', profile: 'standard' },
  { id: 'fi-eur-notifications', account: 'FI7433010001222090', currency: 'EUR', format: 'camt054', profile: 'standard' },
  { id: 'lt-eur', account: 'LT007180000000000000', currency: 'EUR', format: 'camt053', profile: 'available-balances' },
  { id: 'genkgo-sek', account: 'CH2801234000123456789', currency: 'SEK', format: 'camt054', profile: 'standard' },
  { id: 'genkgo-eur', account: 'NL26VAYB8060476890', currency: 'EUR', format: 'camt053', profile: 'standard' },
  { id: 'cmxl-dem', account: '45050050/76198810', currency: 'DEM', format: 'mt940', profile: 'standard' },
  { id: 'cmxl-eur', account: '10020030/1234567', currency: 'EUR', format: 'mt940', profile: 'standard' },
  { id: 'cmxl-pln', account: 'BPHKPLPK/320000546101', currency: 'PLN', format: 'mt940', profile: 'standard' },
  { id: 'generic-eur', account: '11111111', currency: 'EUR', format: 'mt940', profile: 'standard' },
  { id: 'ing-eur', account: '0001234567', currency: 'EUR', format: 'mt940', profile: 'standard' },
];

export const POSTFINANCE_ACCOUNT: ConfiguredBankAccount = {
  id: 'postfinance-chf',
  account: 'CH29 0900 0000 2500 9423 9',
  currency: 'CHF',
  format: 'camt053',
  profile: 'standard',
};

/** An MT940 statement of the generic sample's account (11111111, EUR), numbered `number`, that balances unless told otherwise. */
export function genericMt940(
  number: number,
  { openingMinor = 8000, closingMinor = openingMinor - 1000 }: { openingMinor?: number; closingMinor?: number } = {},
): string {
  const amount = (minor: number) => `${Math.trunc(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
  return [
    ':20:GENERIC',
    ':25:11111111',
    `:28:${number}`,
    `:60F:C110401EUR${amount(openingMinor)}`,
    ':61:110401D10,00N000NONREF',
    ':86:',
    `:62F:C110501EUR${amount(closingMinor)}`,
    '-',
    '',
  ].join('\r\n');
}
