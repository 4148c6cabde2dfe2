import type { BankProfileName, EntryDirection, EntryStatus, StatementEntry, StatementFormat } from '@payments/bank-statements';

import type { StoredStatement } from './statement-import';

/** A statement's entries in one statement, in the file's order. */
export const INSERT_ENTRIES = `INSERT INTO "bank_statement_entry" ("statement_id", "position", "amount_minor", "currency", "direction", "status", "reversal",
    "booking_date", "value_date", "reference", "remittance_info")
  SELECT $1::uuid, "t"."ordinality", "t"."amount_minor", "t"."currency", "t"."direction", "t"."status", "t"."reversal",
    "t"."booking_date", "t"."value_date", "t"."reference", "t"."remittance_info"
  FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::date[], $8::date[], $9::text[], $10::text[]) WITH ORDINALITY
    AS "t"("amount_minor", "currency", "direction", "status", "reversal", "booking_date", "value_date", "reference", "remittance_info", "ordinality")`;

export const ENTRIES_OF = `SELECT "amount_minor"::text AS "amount_minor", "currency", "direction", "status", "reversal", "booking_date"::text AS "booking_date",
    "value_date"::text AS "value_date", "reference", "remittance_info"
  FROM "bank_statement_entry" WHERE "statement_id" = $1::uuid ORDER BY "position"`;

/** The parameters $2..$10 of INSERT_ENTRIES: one array per column. */
export function entryColumnsOf(entries: readonly StatementEntry[]): unknown[][] {
  const column = <T>(of: (entry: StatementEntry) => T): T[] => entries.map(of);
  return [
    column((e) => e.amountMinor.toString()),
    column((e) => e.currency),
    column((e) => e.direction),
    column((e) => e.status),
    column((e) => e.reversal),
    column((e) => e.bookingDate),
    column((e) => e.valueDate),
    column((e) => e.reference),
    column((e) => e.remittanceInfo),
  ];
}

export interface EntryRow extends Record<string, unknown> {
  readonly amount_minor: string;
  readonly currency: string;
  readonly direction: EntryDirection;
  readonly status: EntryStatus;
  readonly reversal: boolean;
  readonly booking_date: string;
  readonly value_date: string | null;
  readonly reference: string | null;
  readonly remittance_info: string | null;
}

export function entryOf(row: EntryRow): StatementEntry {
  return {
    amountMinor: BigInt(row.amount_minor),
    currency: row.currency,
    direction: row.direction,
    status: row.status,
    reversal: row.reversal,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    reference: row.reference,
    remittanceInfo: row.remittance_info,
  };
}

export interface StatementRow extends Record<string, unknown> {
  readonly id: string;
  readonly import_id: string;
  readonly bank_account_id: string;
  readonly account: string;
  readonly format: StatementFormat;
  readonly bank_statement_id: string;
  readonly currency: string;
  readonly sequence_number: number | null;
  readonly sequence_page: number | null;
  readonly profile: BankProfileName;
  readonly opening_minor: string | null;
  readonly opening_date: string | null;
  readonly closing_minor: string | null;
  readonly closing_date: string | null;
  readonly forward_available_minor: string | null;
  readonly forward_available_date: string | null;
  readonly entry_count: number;
  readonly credit_minor: string;
  readonly debit_minor: string;
  /** jsonb: parsed by pg, text on some drivers. */
  readonly warnings: string[] | string;
  readonly imported_at: Date | string;
}

const balanceOf = (amountMinor: string | null, date: string | null) =>
  amountMinor === null || date === null ? null : { amountMinor: BigInt(amountMinor), date };

export function storedStatementOf(row: StatementRow): StoredStatement {
  return {
    id: row.id,
    importId: row.import_id,
    bankAccountId: row.bank_account_id,
    account: row.account,
    format: row.format,
    bankStatementId: row.bank_statement_id,
    currency: row.currency.trim(),
    sequence:
      row.sequence_number === null ? null : { number: Number(row.sequence_number), page: row.sequence_page === null ? null : Number(row.sequence_page) },
    profile: row.profile,
    opening: balanceOf(row.opening_minor, row.opening_date),
    closing: balanceOf(row.closing_minor, row.closing_date),
    forwardAvailable: balanceOf(row.forward_available_minor, row.forward_available_date),
    entryCount: Number(row.entry_count),
    creditMinor: BigInt(row.credit_minor),
    debitMinor: BigInt(row.debit_minor),
    warnings: typeof row.warnings === 'string' ? (JSON.parse(row.warnings) as string[]) : row.warnings,
    importedAt: new Date(row.imported_at),
  };
}
