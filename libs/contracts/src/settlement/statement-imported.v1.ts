import { z } from 'zod';

import { defineEvent } from '../core/topic.contract';
import { currencySchema, uuidSchema } from '../common/fields.schema';
import { signedMinorSchema, unsignedMinorSchema } from './day-closed.v1';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');

/** A balance may be negative (an overdrawn account). */
const balanceSchema = z.object({ amountMinor: signedMinorSchema, date: dateSchema });

export const settlementStatementImportedSchema = z.object({
  importId: uuidSchema,
  /** The stored statement's id (the platform's, not the bank's). */
  statementId: uuidSchema,
  /** The bank account as configured (SETTLEMENT_BANK_ACCOUNTS), never the account number itself. */
  bankAccountId: z.string().min(1).max(64),
  /** The account number's last four characters, for an operator to recognise it. */
  accountMasked: z.string().regex(/^\*{4}[A-Za-z0-9]{1,4}$/, 'masked account: **** and at most the last four characters'),
  format: z.enum(['camt053', 'camt054', 'mt940']),
  currency: currencySchema,
  sequenceNumber: z.number().int().min(0).nullable(),
  /** Booked balances (under the account's bank profile); null for a camt.054 notification, which has none. */
  opening: balanceSchema.nullable(),
  closing: balanceSchema.nullable(),
  entryCount: z.number().int().min(0),
  /** Sums of the booked entries by direction. */
  creditMinor: unsignedMinorSchema,
  debitMinor: unsignedMinorSchema,
  importedAt: z.string().datetime(),
});
export type SettlementStatementImported = z.infer<typeof settlementStatementImportedSchema>;
/**
 * A bank statement (or notification) was imported: it balanced under its account's profile and
 * continued its account's series (or an operator allowed the gap). No entry details, no remittance
 * text. Key: bank account id, so an account's statements are read in order.
 */
export const settlementStatementImportedV1 = defineEvent('settlement.statement.imported.v1', settlementStatementImportedSchema);
