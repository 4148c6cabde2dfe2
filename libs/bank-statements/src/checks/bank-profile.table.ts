import type { StatementFormat } from '../model/bank-statement.model';

export const BANK_PROFILE_NAMES = ['standard', 'postfinance-value-dated', 'available-balances'] as const;
export type BankProfileName = (typeof BANK_PROFILE_NAMES)[number];

export interface BankProfile {
  readonly name: BankProfileName;
  readonly description: string;
  readonly formats: readonly StatementFormat[];
  /** camt balance type codes read as the opening balance, first found wins. */
  readonly openingCodes: readonly string[];
  /** camt balance type codes read as the closing balance. */
  readonly closingCodes: readonly string[];
  /**
   * Entries whose value date is after the closing balance's date are left out of the closing
   * balance and checked, with all the others, against the forward-available balance (FWAV / :65:).
   */
  readonly valueDatedInForwardAvailable: boolean;
}

/**
 * How a bank's statements deviate from the plain rule opening + entries = closing (booked).
 * A profile is only applied when asked for by name: a difference it would explain is otherwise
 * an `unbalanced` error (with a hint naming the profile), never silently accepted.
 */
export const BANK_PROFILES: Readonly<Record<BankProfileName, BankProfile>> = {
  standard: {
    name: 'standard',
    description: 'opening booked (OPBD, else PRCD) + booked entries = closing booked (CLBD)',
    formats: ['camt053', 'camt054', 'mt940'],
    openingCodes: ['OPBD', 'PRCD'],
    closingCodes: ['CLBD'],
    valueDatedInForwardAvailable: false,
  },
  'postfinance-value-dated': {
    name: 'postfinance-value-dated',
    description:
      'as standard, but entries value-dated after the closing date are not in the booked closing balance; ' +
      'opening + all entries = forward available (FWAV / :65:), as PostFinance camt.053 statements do',
    formats: ['camt053', 'mt940'],
    openingCodes: ['OPBD', 'PRCD'],
    closingCodes: ['CLBD'],
    valueDatedInForwardAvailable: true,
  },
  'available-balances': {
    name: 'available-balances',
    description: 'for banks that send no booked balances: opening available (OPAV) + entries = closing available (CLAV)',
    formats: ['camt053'],
    openingCodes: ['OPAV'],
    closingCodes: ['CLAV'],
    valueDatedInForwardAvailable: false,
  },
};

export function isBankProfileName(name: string): name is BankProfileName {
  return (BANK_PROFILE_NAMES as readonly string[]).includes(name);
}
