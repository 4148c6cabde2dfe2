import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { BankProfileName, StatementBalance, StatementEntry, StatementFormat } from '@payments/bank-statements';
import { settlementStatementImportedV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { SETTLEMENT_DB, SettlementDb } from '../database/settlement-db.provider';
import type { IncomingStatement } from './statement-import.checks';
import { bookedSums, StatementImport, statementImportedEventOf, StoredStatement } from './statement-import';
import { ENTRIES_OF, entryColumnsOf, EntryRow, entryOf, INSERT_ENTRIES, StatementRow, storedStatementOf } from './bank-statement.rows';

/** What an import stores, once every check passed. */
export interface StatementImportDraft {
  readonly fileSha256: string;
  readonly fileName: string | null;
  readonly format: StatementFormat;
  readonly importedBy: string | null;
  readonly gapReason: string | null;
  readonly statements: readonly IncomingStatement[];
  /** The last sequence number of each account the checks saw; another import that changed it since makes this one stale. */
  readonly lastSequence: ReadonlyMap<string, number>;
}

/** Another import committed between the checks and the store (same file, same statement, or the series moved on): check again. */
export class StaleStatementImportError extends Error {
  override readonly name = 'StaleStatementImportError';
}

const STATEMENT_COLUMNS = `"s"."id"::text AS "id", "s"."import_id"::text AS "import_id", "s"."bank_account_id", "s"."account", "s"."format",
  "s"."bank_statement_id", "s"."currency", "s"."sequence_number", "s"."sequence_page", "s"."profile",
  "s"."opening_minor"::text AS "opening_minor", "s"."opening_date"::text AS "opening_date",
  "s"."closing_minor"::text AS "closing_minor", "s"."closing_date"::text AS "closing_date",
  "s"."forward_available_minor"::text AS "forward_available_minor", "s"."forward_available_date"::text AS "forward_available_date",
  "s"."entry_count", "s"."credit_minor"::text AS "credit_minor", "s"."debit_minor"::text AS "debit_minor", "s"."warnings", "i"."imported_at"`;
const STATEMENTS_FROM = `FROM "bank_statement" AS "s" JOIN "statement_import" AS "i" ON "i"."id" = "s"."import_id"`;

const IMPORT_COLUMNS = `"id"::text AS "id", "file_sha256", "file_name", "format", "imported_at", "imported_by", "gap_reason"`;
const IMPORT_BY_HASH = `SELECT ${IMPORT_COLUMNS} FROM "statement_import" WHERE "file_sha256" = $1`;
const IMPORT_BY_ID = `SELECT ${IMPORT_COLUMNS} FROM "statement_import" WHERE "id" = $1::uuid`;
const STATEMENTS_OF_IMPORT = `SELECT ${STATEMENT_COLUMNS} ${STATEMENTS_FROM} WHERE "s"."import_id" = $1::uuid ORDER BY "s"."position"`;

/** The stored statement that is the same one: same number and page in the account's series, or the same id where that identifies it. */
const CLAIMED = `SELECT "bank_statement_id", "import_id"::text AS "import_id" FROM "bank_statement"
  WHERE "bank_account_id" = $1 AND (("sequence_number" = $2 AND coalesce("sequence_page", 1) = coalesce($3::int, 1))
    OR ("identified_by_id" AND $4::boolean AND "bank_statement_id" = $5)) LIMIT 1`;
const LAST_SEQUENCES = `SELECT "bank_account_id", max("sequence_number") AS "last" FROM "bank_statement"
  WHERE "bank_account_id" = ANY($1::text[]) AND "sequence_number" IS NOT NULL GROUP BY "bank_account_id"`;
const SERIALIZE_ACCOUNT = `SELECT pg_advisory_xact_lock(hashtext('settlement.bank_statement:' || $1))`;

const INSERT_IMPORT = `INSERT INTO "statement_import" ("id", "file_sha256", "file_name", "format", "imported_by", "gap_reason")
  VALUES ($1::uuid, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING "imported_at"`;
const INSERT_STATEMENT = `INSERT INTO "bank_statement" ("id", "import_id", "position", "bank_account_id", "account", "format", "bank_statement_id",
    "identified_by_id", "currency", "sequence_number", "sequence_page", "profile", "opening_minor", "opening_date", "closing_minor", "closing_date",
    "forward_available_minor", "forward_available_date", "entry_count", "credit_minor", "debit_minor", "warnings")
  VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::bigint, $14::date, $15::bigint, $16::date, $17::bigint, $18::date,
    $19, $20::bigint, $21::bigint, $22::jsonb)
  ON CONFLICT DO NOTHING RETURNING 1`;

const LIST = `SELECT ${STATEMENT_COLUMNS} ${STATEMENTS_FROM} WHERE ($1::text IS NULL OR "s"."bank_account_id" = $1)
  ORDER BY "i"."imported_at" DESC, "s"."import_id", "s"."position" LIMIT $2`;
const STATEMENT_BY_ID = `SELECT ${STATEMENT_COLUMNS} ${STATEMENTS_FROM} WHERE "s"."id" = $1::uuid`;

interface ImportRow extends Record<string, unknown> {
  readonly id: string;
  readonly file_sha256: string;
  readonly file_name: string | null;
  readonly format: StatementFormat;
  readonly imported_at: Date | string;
  readonly imported_by: string | null;
  readonly gap_reason: string | null;
}

const balanceOf = (balance: StatementBalance | null) => balance && { amountMinor: balance.amountMinor, date: balance.date };

/** camt ids identify a statement; an MT940 :20: is a reference banks reuse, so it does only when there is no :28C: number. */
const identifiedById = ({ statement }: IncomingStatement): boolean => statement.format !== 'mt940' || statement.sequence === null;

/** The only code that touches the imports, their statements and entries (plain SQL, on PostgreSQL and PGlite alike). */
@Injectable()
export class StatementImportRepository {
  private readonly outbox = new OutboxWriter(schemaOf('settlement'));

  constructor(@Inject(SETTLEMENT_DB) private readonly db: SettlementDb) {}

  async findImportByHash(fileSha256: string): Promise<StatementImport | undefined> {
    return this.importOf(this.db, (await this.db.query<ImportRow>(IMPORT_BY_HASH, [fileSha256]))[0]);
  }

  async findImport(id: string): Promise<StatementImport | undefined> {
    return this.importOf(this.db, (await this.db.query<ImportRow>(IMPORT_BY_ID, [id]))[0]);
  }

  /** The first of these statements already stored, and the import that stored it. */
  async findClaimed(statements: readonly IncomingStatement[]): Promise<{ bankStatementId: string; importId: string } | undefined> {
    for (const incoming of statements) {
      const { statement, bankAccount } = incoming;
      const [row] = await this.db.query<{ bank_statement_id: string; import_id: string }>(CLAIMED, [
        bankAccount.id,
        statement.sequence?.number ?? null,
        statement.sequence?.page ?? null,
        identifiedById(incoming),
        statement.id,
      ]);
      if (row) return { bankStatementId: row.bank_statement_id, importId: row.import_id };
    }
    return undefined;
  }

  /** Each account's highest stored sequence number (accounts with none are left out). */
  async lastSequences(bankAccountIds: readonly string[], runner: SqlQueryRunner = this.db): Promise<Map<string, number>> {
    const rows = await runner.query<{ bank_account_id: string; last: number }>(LAST_SEQUENCES, [bankAccountIds]);
    return new Map(rows.map((r) => [r.bank_account_id, Number(r.last)]));
  }

  /**
   * Stores the import, all its statements and entries, and `settlement.statement.imported.v1` per
   * statement, in one transaction. Imports of the same accounts take turns; one that finds the
   * file, a statement or an account's series changed since its checks throws a
   * StaleStatementImportError and stores nothing.
   */
  async store(draft: StatementImportDraft): Promise<StatementImport> {
    const importId = randomUUID();
    const accounts = [...new Set(draft.statements.map((s) => s.bankAccount.id))].sort();
    return this.db.transaction(async (tx) => {
      for (const account of accounts) await tx.query(SERIALIZE_ACCOUNT, [account]);
      const last = await this.lastSequences(accounts, tx);
      if (accounts.some((account) => last.get(account) !== draft.lastSequence.get(account))) throw new StaleStatementImportError('an account series moved on');
      const [created] = await tx.query<{ imported_at: Date | string }>(INSERT_IMPORT, [
        importId,
        draft.fileSha256,
        draft.fileName,
        draft.format,
        draft.importedBy,
        draft.gapReason,
      ]);
      if (!created) throw new StaleStatementImportError('the same file was imported meanwhile');
      const importedAt = new Date(created.imported_at);
      const statements: StoredStatement[] = [];
      for (const [index, incoming] of draft.statements.entries()) {
        statements.push(await this.storeStatement(tx, importId, index + 1, incoming, importedAt));
      }
      const { fileSha256, fileName, format, importedBy, gapReason } = draft;
      return { id: importId, fileSha256, fileName, format, importedAt, importedBy, gapReason, statements };
    });
  }

  /** Newest import first. */
  async listStatements(filter: { bankAccountId?: string }, limit: number): Promise<StoredStatement[]> {
    return (await this.db.query<StatementRow>(LIST, [filter.bankAccountId ?? null, limit])).map(storedStatementOf);
  }

  async findStatement(id: string): Promise<StoredStatement | undefined> {
    const [row] = await this.db.query<StatementRow>(STATEMENT_BY_ID, [id]);
    return row && storedStatementOf(row);
  }

  /** A stored statement's entries, in the file's order. */
  async findEntries(statementId: string): Promise<StatementEntry[]> {
    return (await this.db.query<EntryRow>(ENTRIES_OF, [statementId])).map(entryOf);
  }

  private async storeStatement(
    tx: SqlQueryRunner,
    importId: string,
    position: number,
    incoming: IncomingStatement,
    importedAt: Date,
  ): Promise<StoredStatement> {
    const { statement, bankAccount } = incoming;
    const stored: StoredStatement = {
      id: randomUUID(),
      importId,
      bankAccountId: bankAccount.id,
      account: statement.account,
      format: statement.format,
      bankStatementId: statement.id,
      currency: statement.currency,
      sequence: statement.sequence,
      profile: bankAccount.profile satisfies BankProfileName,
      opening: balanceOf(statement.opening),
      closing: balanceOf(statement.closing),
      forwardAvailable: balanceOf(statement.forwardAvailable),
      entryCount: statement.entries.length,
      ...bookedSums(statement.entries),
      warnings: statement.issues.filter((issue) => issue.severity === 'warning').map((issue) => `${issue.code}: ${issue.message}`),
      importedAt,
    };
    const inserted = await tx.query(INSERT_STATEMENT, [
      stored.id,
      importId,
      position,
      stored.bankAccountId,
      stored.account,
      stored.format,
      stored.bankStatementId,
      identifiedById(incoming),
      stored.currency,
      stored.sequence?.number ?? null,
      stored.sequence?.page ?? null,
      stored.profile,
      stored.opening?.amountMinor.toString() ?? null,
      stored.opening?.date ?? null,
      stored.closing?.amountMinor.toString() ?? null,
      stored.closing?.date ?? null,
      stored.forwardAvailable?.amountMinor.toString() ?? null,
      stored.forwardAvailable?.date ?? null,
      stored.entryCount,
      stored.creditMinor.toString(),
      stored.debitMinor.toString(),
      JSON.stringify(stored.warnings),
    ]);
    if (inserted.length === 0) throw new StaleStatementImportError(`statement ${statement.id} was imported meanwhile`);
    if (statement.entries.length > 0) await tx.execute(INSERT_ENTRIES, [stored.id, ...entryColumnsOf(statement.entries)]);
    const row = this.outbox.row(settlementStatementImportedV1, statementImportedEventOf(stored), { key: stored.bankAccountId });
    await tx.query(
      `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
        VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${row.channel}', '') FROM "written"`,
      [row.id, row.topic, row.key, row.payload, row.headers],
    );
    return stored;
  }

  private async importOf(runner: SqlQueryRunner, row: ImportRow | undefined): Promise<StatementImport | undefined> {
    if (!row) return undefined;
    const statements = (await runner.query<StatementRow>(STATEMENTS_OF_IMPORT, [row.id])).map(storedStatementOf);
    return {
      id: row.id,
      fileSha256: row.file_sha256,
      fileName: row.file_name,
      format: row.format,
      importedAt: new Date(row.imported_at),
      importedBy: row.imported_by,
      gapReason: row.gap_reason,
      statements,
    };
  }
}
