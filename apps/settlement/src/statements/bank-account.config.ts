import { z } from 'zod';

import { BANK_PROFILE_NAMES, BANK_PROFILES, type BankProfileName, STATEMENT_FORMATS, type StatementFormat } from '@payments/bank-statements';

/** A bank account the platform expects statements for, in one format (an account sending camt.053 and camt.054 is two entries). */
export interface ConfiguredBankAccount {
  /** The platform's name for it: what events and the API show instead of the account number. */
  readonly id: string;
  /** IBAN or the bank's account id, as the statements name it (spaces and letter case ignored). */
  readonly account: string;
  readonly currency: string;
  readonly format: StatementFormat;
  /** How this bank departs from opening + entries = closing (libs/bank-statements); `standard` unless configured. */
  readonly profile: BankProfileName;
}

const accountSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1-64 letters, digits, dots, dashes or underscores'),
    account: z.string().min(1).max(64),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 alphabetic code'),
    format: z.enum(STATEMENT_FORMATS),
    profile: z.enum(BANK_PROFILE_NAMES).default('standard'),
  })
  .strict()
  .refine((a) => BANK_PROFILES[a.profile].formats.includes(a.format), { message: 'the bank profile does not apply to this format', path: ['profile'] });

export const normalizedAccount = (account: string): string => account.replace(/\s+/g, '').toUpperCase();

const accountsSchema = z.array(accountSchema).superRefine((accounts, context) => {
  const seen = new Set<string>();
  accounts.forEach((a, i) => {
    for (const key of [`id ${a.id}`, `account ${normalizedAccount(a.account)} in ${a.format}`]) {
      if (seen.has(key)) context.addIssue({ code: 'custom', message: `${key} is configured twice`, path: [i] });
      seen.add(key);
    }
  });
});

/** SETTLEMENT_BANK_ACCOUNTS: a JSON array of accounts, validated at boot; a bad one stops it, naming the entry and field. */
export const bankAccountsEnvSchema = z
  .string()
  .default('[]')
  .transform((text, context): ConfiguredBankAccount[] => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'expected a JSON array of {"id","account","currency","format","profile"?}' });
      return z.NEVER;
    }
    const parsed = accountsSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: `[${issue.path.join('.')}] ${issue.message}` });
    return z.NEVER;
  });

export type BankAccountLookup =
  | { readonly kind: 'configured'; readonly bankAccount: ConfiguredBankAccount }
  /** The account is configured, for other formats. */
  | { readonly kind: 'other_format'; readonly formats: readonly StatementFormat[] }
  | { readonly kind: 'unknown' };

/** The configured accounts, looked up as a statement names its account. */
export class BankAccountRegistry {
  constructor(readonly accounts: readonly ConfiguredBankAccount[]) {}

  find(account: string, format: StatementFormat): BankAccountLookup {
    const same = this.accounts.filter((a) => normalizedAccount(a.account) === normalizedAccount(account));
    const bankAccount = same.find((a) => a.format === format);
    if (bankAccount) return { kind: 'configured', bankAccount };
    return same.length > 0 ? { kind: 'other_format', formats: same.map((a) => a.format) } : { kind: 'unknown' };
  }

  /** The bank profiles configured for a format, `standard` first when it is one of them. */
  profilesFor(format: StatementFormat): BankProfileName[] {
    return BANK_PROFILE_NAMES.filter((name) => this.accounts.some((a) => a.format === format && a.profile === name));
  }
}
