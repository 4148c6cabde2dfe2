import { z } from 'zod';

/** A criterion of a rule: a value, or `*` (the default) for any. */
const criterion = (value: z.ZodType<string>) => z.union([z.literal('*'), value]).default('*');

const accountNumber = z.string().regex(/^[A-Za-z0-9.-]{1,34}$/, 'expected an account number of 1-34 letters, digits, dots or dashes');

const accountSchema = z.strictObject({
  number: accountNumber,
  name: z.string().min(1).max(200),
  type: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
});

const ruleSchema = z.strictObject({
  /** Named in each booked posting's sources, so a posting says which rule made it. */
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, dots, dashes or underscores'),
  event: criterion(z.enum(['authorized', 'reversed'])),
  operation: criterion(z.string().regex(/^[a-z_]{1,32}$/, 'expected an operation such as purchase or cash_withdrawal')),
  /** Never a wildcard: a debit line and a credit line go opposite ways. */
  direction: z.enum(['debit', 'credit']),
  merchant: criterion(z.string().min(1).max(64)),
  /** `unknown` matches the lines whose event named no card scheme. */
  scheme: criterion(z.string().min(1).max(32)),
  currency: criterion(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 alphabetic code such as EUR')),
  debitAccount: accountNumber,
  creditAccount: accountNumber,
});

/** The posting mapping file: the bank's chart of accounts and the rules that post each line to it. */
export const postingMappingSchema = z.strictObject({
  $comment: z.string().optional(),
  accounts: z.array(accountSchema).min(1),
  rules: z.array(ruleSchema).min(1),
});

export type PostingMappingFile = z.infer<typeof postingMappingSchema>;
export type ChartAccount = PostingMappingFile['accounts'][number];
export type PostingRule = PostingMappingFile['rules'][number];
