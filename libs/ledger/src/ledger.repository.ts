import type { SqlQueryRunner } from '@payments/persistence';

import { ACCOUNT_COLUMNS, accountFromRow, TRANSFER_COLUMNS, transferFromRow } from './ledger-row.mapper';
import type { Account, AccountRequest } from './ledger.types';
import type { RecordedTransfer } from './posting.book';

/** The ledger's reads, and the creation of accounts (a batch's write is batch-write.statement.ts). */
export class LedgerRepository {
  async findAccounts(runner: SqlQueryRunner, ids: readonly string[]): Promise<Account[]> {
    const rows = await runner.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = ANY($1::uuid[])`, [ids]);
    return rows.map(accountFromRow);
  }

  /** The transfers with these ids, and those that resolved these pending ids. */
  async findTransfers(runner: SqlQueryRunner, ids: readonly string[], pendingIds: readonly string[]): Promise<RecordedTransfer[]> {
    const rows = await runner.query(`SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "id" = ANY($1::uuid[]) OR "pending_id" = ANY($2::uuid[])`, [
      ids,
      pendingIds,
    ]);
    return rows.map(transferFromRow);
  }

  /** Inserts the accounts not there yet; returns all of them as stored. */
  async createAccounts(runner: SqlQueryRunner, accounts: readonly AccountRequest[]): Promise<Account[]> {
    await runner.execute(
      `INSERT INTO "ledger_account_balance" ("id", "currency", "kind", "debits_must_not_exceed_credits", "credit_limit", "credits_must_not_exceed_debits")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::boolean[]) ON CONFLICT ("id") DO NOTHING`,
      [
        accounts.map((a) => a.id),
        accounts.map((a) => a.currency),
        accounts.map((a) => a.kind),
        accounts.map((a) => a.debitsMustNotExceedCredits === true),
        accounts.map((a) => (a.creditLimit ?? 0n).toString()),
        accounts.map((a) => a.creditsMustNotExceedDebits === true),
      ],
    );
    const rows = await runner.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = ANY($1::uuid[])`, [accounts.map((a) => a.id)]);
    return rows.map(accountFromRow);
  }

  /** The account with its new credit limit; undefined (nothing changed) when absent or its debits would pass it. */
  async changeCreditLimit(runner: SqlQueryRunner, id: string, creditLimit: bigint): Promise<Account | undefined> {
    const [row] = await runner.query(
      `UPDATE "ledger_account_balance" SET "credit_limit" = $2::bigint
       WHERE "id" = $1::uuid AND (NOT "debits_must_not_exceed_credits" OR "debits_pending" + "debits_posted" <= "credits_posted" + $2::bigint)
       RETURNING ${ACCOUNT_COLUMNS}`,
      [id, creditLimit.toString()],
    );
    return row ? accountFromRow(row) : undefined;
  }

  async findAccount(runner: SqlQueryRunner, id: string): Promise<Account | undefined> {
    const [row] = await runner.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = $1::uuid`, [id]);
    return row ? accountFromRow(row) : undefined;
  }

  async findTransfer(runner: SqlQueryRunner, id: string): Promise<RecordedTransfer | undefined> {
    const [row] = await runner.query(`SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "id" = $1::uuid`, [id]);
    return row ? transferFromRow(row) : undefined;
  }

  /** The account's transfers after `afterSequence`, oldest first. */
  async history(runner: SqlQueryRunner, accountId: string, afterSequence: bigint, limit: number): Promise<RecordedTransfer[]> {
    const rows = await runner.query(
      `(SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid AND "sequence" > $2::bigint ORDER BY "sequence" LIMIT $3)
       UNION ALL
       (SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "credit_account_id" = $1::uuid AND "sequence" > $2::bigint ORDER BY "sequence" LIMIT $3)
       ORDER BY "sequence" LIMIT $3`,
      [accountId, afterSequence.toString(), limit],
    );
    return rows.map(transferFromRow);
  }

  /** The account's last transfer made at or before `at`. */
  async lastTransferAt(runner: SqlQueryRunner, accountId: string, at: Date): Promise<RecordedTransfer | undefined> {
    const rows = await runner.query(
      `(SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid AND "created_at" <= $2::timestamptz ORDER BY "sequence" DESC LIMIT 1)
       UNION ALL
       (SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "credit_account_id" = $1::uuid AND "created_at" <= $2::timestamptz ORDER BY "sequence" DESC LIMIT 1)
       ORDER BY "sequence" DESC LIMIT 1`,
      [accountId, at.toISOString()],
    );
    return rows[0] ? transferFromRow(rows[0]) : undefined;
  }

  /** Pending transfers whose timeout has passed at `now`, soonest first. */
  async duePending(runner: SqlQueryRunner, now: Date, limit: number): Promise<string[]> {
    const rows = await runner.query<{ pending_id: string }>(
      `SELECT "pending_id" FROM "ledger_pending_open" WHERE "expires_at" <= $1::timestamptz ORDER BY "expires_at", "pending_id" LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => String(r.pending_id));
  }
}
