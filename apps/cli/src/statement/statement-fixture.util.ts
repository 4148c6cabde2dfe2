import { join } from 'node:path';

/** The shared public samples (ENVIRONMENT.md, "Public fixtures"), read in place by the CLI specs. */
const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'bank-statements');

export const statementFixture = (file: string): string => join(FIXTURES, file);

export const POSTFINANCE_CAMT053 = statementFixture('camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml');

/** What `statement parse` prints for the PostFinance sample (5 entries, 211993.19 -> 215112.21 CHF). */
export function postFinanceJson(balanced: boolean): unknown {
  const entry = (amountMinor: number, direction: string, valueDate: string, reference: string) => ({
    amountMinor,
    direction,
    bookingDate: '2020-11-24',
    valueDate,
    reference,
  });
  return {
    statements: [
      {
        id: '20201124375204229003973',
        account: 'CH2909000000250094239',
        currency: 'CHF',
        opening: { amountMinor: 21_199_319, date: '2020-11-24' },
        closing: { amountMinor: 21_511_221, date: '2020-11-24' },
        entries: [
          entry(450, 'credit', '2020-11-24', '0758103031480900'),
          entry(7770, 'debit', '2020-11-24', '0758103031480977'),
          entry(150_000, 'credit', '2020-11-24', '07582000303F0C7U'),
          entry(153_700, 'credit', '2020-11-25', '07582000303KBMSU'),
          entry(169_222, 'credit', '2020-11-24', '07582000303KBMSU'),
        ],
        balanced,
      },
    ],
  };
}
