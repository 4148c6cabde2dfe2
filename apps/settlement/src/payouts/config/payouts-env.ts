import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { acquirerFileConfigSchema } from '../../files/config/settlement-files-env';

/** The shape of an IBAN (ISO 13616) as pain.001 takes it: country, check digits, 1-30 letters or digits, no spaces. */
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$/;
const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** ISO 13616 check digits: the IBAN with its first four characters moved to the end, letters as 10-35, is 1 modulo 97 (false for what is not shaped as an IBAN). */
export function hasValidIbanCheckDigits(iban: string): boolean {
  if (!IBAN.test(iban)) return false;
  const digits = [...(iban.slice(4) + iban.slice(0, 4)).toUpperCase()].map((c) => parseInt(c, 36).toString()).join('');
  return BigInt(digits) % 97n === 1n;
}

export const ibanSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(IBAN, 'expected an IBAN: country, 2 check digits, up to 30 letters or digits'))
  .refine(hasValidIbanCheckDigits, 'the IBAN check digits do not match (ISO 13616 modulo 97)');

const bicSchema = z.string().regex(BIC, 'expected a BIC of 8 or 11 capital letters or digits');
/** A name as pain.001 takes it (Max140Text). */
const nameSchema = z.string().trim().min(1).max(140);

const merchantAccountSchema = z.strictObject({ name: nameSchema, iban: ibanSchema, bic: bicSchema.optional() });
export type MerchantAccount = z.infer<typeof merchantAccountSchema>;

/** Where payouts are paid from and how their files travel: the delivery and folder as an acquirer file's. */
export const payoutsConfigSchema = acquirerFileConfigSchema.pick({ folder: true, delivery: true }).extend({
  /** GrpHdr/InitgPty/Nm: the platform as its bank knows it. */
  initiatingParty: nameSchema,
  /** The account holder's name and its bank's BIC (optional: NOTPROVIDED then). */
  debtor: z.strictObject({ name: nameSchema, bic: bicSchema.optional() }),
  /** Currency -> the id of the SETTLEMENT_BANK_ACCOUNTS entry payouts in it are paid from (its statements show them paid). */
  accounts: z.record(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'), z.string().min(1)),
});
export type PayoutsConfig = z.infer<typeof payoutsConfigSchema>;

function jsonVariable<T>(schema: z.ZodType<T>, expected: string) {
  return (text: string, context: z.RefinementCtx): T => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: `expected ${expected}` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    context.addIssue({ code: 'custom', message: `${first.path.join('.')}: ${first.message}` });
    return z.NEVER;
  };
}

const schema = z.object({
  /** JSON `{ initiatingParty, debtor, accounts, folder, delivery }`; unset or empty: no payouts. */
  SETTLEMENT_PAYOUTS: z
    .string()
    .default('')
    .transform((text, context) =>
      text.trim() === ''
        ? undefined
        : jsonVariable(payoutsConfigSchema, 'a JSON object { initiatingParty, debtor, accounts, folder, delivery }')(text, context),
    ),
  /** JSON merchant id -> { name, iban, bic? }: where each merchant is paid. A merchant without one has its payouts held. */
  SETTLEMENT_MERCHANT_ACCOUNTS: z
    .string()
    .default('{}')
    .transform(jsonVariable(z.record(z.string().min(1).max(64), merchantAccountSchema), 'a JSON object of merchant id -> { name, iban, bic? }')),
});

export type PayoutsEnv = z.infer<typeof schema>;

/** Validated once at boot: a bad value stops it, naming the variable, the merchant (or key) and the field. */
export function loadPayoutsEnv(env: NodeJS.ProcessEnv): PayoutsEnv {
  return loadConfig(schema, env);
}
