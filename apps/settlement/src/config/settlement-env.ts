import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { bankAccountsEnvSchema } from '../statements/bank-account.config';

/** "HH:MM Area/City": a cut-off local time and the IANA time zone it is read in. */
const CUT_OFF = /^(\d{2}:\d{2}) (\S+)$/;

const cutOffSchema = z.string().regex(CUT_OFF, 'expected "HH:MM Area/City", such as "23:00 Europe/Prague"');

const schema = z.object({
  /** The acquirer of a transaction event that names none (messages older than the acquirerId field): authorization's single acquirer. */
  SETTLEMENT_DEFAULT_ACQUIRER: z.string().min(1).max(64).default('default'),
  /** Cut-off of every acquirer without its own: midnight UTC, so a business day is a UTC calendar day. */
  SETTLEMENT_DEFAULT_CUT_OFF: cutOffSchema.default('00:00 UTC'),
  /** Each acquirer's cut-off, as JSON: {"acq-cz": "23:00 Europe/Prague"}. */
  SETTLEMENT_CUT_OFFS: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return z.record(z.string().min(1).max(64), cutOffSchema).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'expected a JSON object of acquirer id -> "HH:MM Area/City"' });
        return z.NEVER;
      }
    }),
  /** The JSON file of the chart of accounts and posting rules; the shipped example (config/posting-mapping.json) when unset. */
  SETTLEMENT_POSTING_MAPPING_FILE: z.string().min(1).optional(),
  /** The bank accounts statements are imported for, as JSON: [{"id": "ops-eur", "account": "FI74...", "currency": "EUR", "format": "camt053", "profile": "standard"}]. */
  SETTLEMENT_BANK_ACCOUNTS: bankAccountsEnvSchema,
  /** The largest statement file the import API reads (bytes): 10 MiB, well above a month of camt.053 for a busy account. */
  SETTLEMENT_STATEMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(10_485_760),
  /** The largest acquirer file (settlement report, transfer file) the upload routes read (bytes): 64 MiB, some 800,000 report lines. */
  SETTLEMENT_ACQUIRER_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(67_108_864),
});

export type SettlementEnv = z.infer<typeof schema>;

export function loadSettlementEnv(env: NodeJS.ProcessEnv): SettlementEnv {
  return loadConfig(schema, env);
}

/** The two halves of "HH:MM Area/City" (validated by the schema). */
export function cutOffParts(value: string): { localTime: string; timeZone: string } {
  const [, localTime, timeZone] = CUT_OFF.exec(value) ?? [];
  return { localTime, timeZone };
}
