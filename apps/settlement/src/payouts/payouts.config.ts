import type { ConfiguredBankAccount } from '../statements/bank-account.config';
import { normalizedAccount } from '../statements/bank-account.config';
import { ibanSchema, type MerchantAccount, type PayoutsConfig, type PayoutsEnv } from './config/payouts-env';
import type { DebtorAccount } from './merchant-payout';

/** The payouts' configuration, read and cross-checked at boot; undefined when SETTLEMENT_PAYOUTS is not set. */
export const PAYOUTS_CONFIG = Symbol('PayoutsConfig');

export interface ResolvedPayoutsConfig {
  readonly initiatingParty: string;
  readonly folder: string;
  readonly delivery: PayoutsConfig['delivery'];
  readonly debtorAccounts: ReadonlyMap<string, DebtorAccount>;
  readonly merchantAccounts: Readonly<Record<string, MerchantAccount>>;
}

/**
 * Each currency's debtor account is an entry of SETTLEMENT_BANK_ACCOUNTS (the account whose
 * statements are imported, so they show the payouts paid) in that currency, with an IBAN: anything
 * else stops the boot, naming SETTLEMENT_PAYOUTS, the currency and what is wrong.
 */
export function resolvePayoutsConfig(env: PayoutsEnv, bankAccounts: readonly ConfiguredBankAccount[]): ResolvedPayoutsConfig | undefined {
  const config = env.SETTLEMENT_PAYOUTS;
  if (!config) return undefined;
  const debtorAccounts = new Map<string, DebtorAccount>();
  for (const [currency, accountId] of Object.entries(config.accounts)) {
    const fail = (reason: string) => new Error(`SETTLEMENT_PAYOUTS: accounts.${currency}: ${reason}`);
    const account = bankAccounts.find((a) => a.id === accountId);
    if (!account) throw fail(`"${accountId}" is not an id of SETTLEMENT_BANK_ACCOUNTS`);
    if (account.currency !== currency) throw fail(`bank account "${accountId}" is in ${account.currency}`);
    const iban = ibanSchema.safeParse(normalizedAccount(account.account));
    if (!iban.success) throw fail(`bank account "${accountId}" is not an IBAN (${iban.error.issues[0].message})`);
    debtorAccounts.set(currency, { accountId, name: config.debtor.name, iban: iban.data, ...(config.debtor.bic ? { bic: config.debtor.bic } : {}) });
  }
  return {
    initiatingParty: config.initiatingParty,
    folder: config.folder,
    delivery: config.delivery,
    debtorAccounts,
    merchantAccounts: env.SETTLEMENT_MERCHANT_ACCOUNTS,
  };
}
