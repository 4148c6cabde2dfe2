import type { SqlQueryRunner } from '@payments/persistence';

import { ACCOUNT_COLUMNS, accountFromRow, TRANSFER_COLUMNS, transferFromRow } from './ledger-row.mapper';
import type { Account, AccountRequest } from './ledger.types';
import type { RecordedTransfer } from './posting.book';

const BALANCE_FIELDS = ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'] as const;

/**
 * The ledger's statements. Each takes whole batches as arrays (unnest), so a batch is the same few
 * prepared statements whatever its size.
 */
export class LedgerRepository {
  /** Locks the accounts, in id order (two writers never wait on each other in a cycle). */
  async lockAccounts(tx: SqlQueryRunner, ids: readonly string[]): Promise<Account[]> {
    const rows = await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR UPDATE`, [ids]);
    return rows.map(accountFromRow);
  }

  /** The transfers with these ids, and those that resolved these pending ids. */
  async findTransfers(tx: SqlQueryRunner, ids: readonly string[], pendingIds: readonly string[]): Promise<RecordedTransfer[]> {
    const rows = await tx.query(`SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "id" = ANY($1::uuid[]) OR "pending_id" = ANY($2::uuid[])`, [
      ids,
      pendingIds,
    ]);
    return rows.map(transferFromRow);
  }

  /**
   * Writes new transfers in order; returns each written id's sequence. A row another writer wrote
   * first (same id, or the same pending resolved) is skipped and missing from the answer.
   */
  async insertTransfers(tx: SqlQueryRunner, transfers: readonly RecordedTransfer[], createdAt: Date): Promise<Map<string, bigint>> {
    const column = <V>(pick: (t: RecordedTransfer) => V) => transfers.map(pick);
    const rows = await tx.query<{ id: string; sequence: string }>(
      `INSERT INTO "ledger_transfer" ("id", "type", "debit_account_id", "credit_account_id", "amount", "currency", "pending_id", "expires_at",
         "reference", "request_hash", "created_at", "debit_debits_pending", "debit_debits_posted", "debit_credits_pending", "debit_credits_posted",
         "credit_debits_pending", "credit_debits_posted", "credit_credits_pending", "credit_credits_posted")
       SELECT t.id, t.type, t.debit, t.credit, t.amount, t.currency, t.pending_id, t.expires_at, t.reference, t.request_hash, $11::timestamptz,
         t.d1, t.d2, t.d3, t.d4, t.c1, t.c2, t.c3, t.c4
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::bigint[], $6::text[], $7::uuid[], $8::timestamptz[], $9::text[], $10::text[],
         $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[], $19::bigint[])
         WITH ORDINALITY AS t(id, type, debit, credit, amount, currency, pending_id, expires_at, reference, request_hash, d1, d2, d3, d4, c1, c2, c3, c4, n)
       ORDER BY t.n
       ON CONFLICT DO NOTHING
       RETURNING "id", "sequence"`,
      [
        column((t) => t.id),
        column((t) => t.type),
        column((t) => t.debitAccountId),
        column((t) => t.creditAccountId),
        column((t) => t.amount.toString()),
        column((t) => t.currency),
        column((t) => t.pendingId),
        column((t) => t.expiresAt?.toISOString() ?? null),
        column((t) => t.reference),
        column((t) => t.requestHash),
        createdAt.toISOString(),
        ...BALANCE_FIELDS.map((f) => column((t) => t.debitAfter[f].toString())),
        ...BALANCE_FIELDS.map((f) => column((t) => t.creditAfter[f].toString())),
      ],
    );
    return new Map(rows.map((r) => [String(r.id), BigInt(r.sequence)]));
  }

  async updateBalances(tx: SqlQueryRunner, accounts: readonly Account[]): Promise<void> {
    await tx.execute(
      `UPDATE "ledger_account_balance" a SET "debits_pending" = v.dp, "debits_posted" = v.dd, "credits_pending" = v.cp, "credits_posted" = v.cc
       FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[]) AS v(id, dp, dd, cp, cc) WHERE a."id" = v.id`,
      [accounts.map((a) => a.id), ...BALANCE_FIELDS.map((f) => accounts.map((a) => a[f].toString()))],
    );
  }

  async openPending(tx: SqlQueryRunner, pending: readonly RecordedTransfer[]): Promise<void> {
    if (pending.length === 0) return;
    await tx.execute(`INSERT INTO "ledger_pending_open" ("pending_id", "expires_at") SELECT * FROM unnest($1::uuid[], $2::timestamptz[])`, [
      pending.map((t) => t.id),
      pending.map((t) => t.expiresAt?.toISOString() ?? null),
    ]);
  }

  async closePending(tx: SqlQueryRunner, pendingIds: readonly string[]): Promise<void> {
    if (pendingIds.length === 0) return;
    await tx.execute(`DELETE FROM "ledger_pending_open" WHERE "pending_id" = ANY($1::uuid[])`, [pendingIds]);
  }

  /** Inserts the accounts not there yet; returns all of them as stored. */
  async createAccounts(tx: SqlQueryRunner, accounts: readonly AccountRequest[]): Promise<Account[]> {
    await tx.execute(
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
    const rows = await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = ANY($1::uuid[])`, [accounts.map((a) => a.id)]);
    return rows.map(accountFromRow);
  }

  async findAccount(tx: SqlQueryRunner, id: string): Promise<Account | undefined> {
    const [row] = await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM "ledger_account_balance" WHERE "id" = $1::uuid`, [id]);
    return row ? accountFromRow(row) : undefined;
  }

  async findTransfer(tx: SqlQueryRunner, id: string): Promise<RecordedTransfer | undefined> {
    const [row] = await tx.query(`SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "id" = $1::uuid`, [id]);
    return row ? transferFromRow(row) : undefined;
  }

  /** The account's transfers after `afterSequence`, oldest first. */
  async history(tx: SqlQueryRunner, accountId: string, afterSequence: bigint, limit: number): Promise<RecordedTransfer[]> {
    const rows = await tx.query(
      `(SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid AND "sequence" > $2::bigint ORDER BY "sequence" LIMIT $3)
       UNION ALL
       (SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "credit_account_id" = $1::uuid AND "sequence" > $2::bigint ORDER BY "sequence" LIMIT $3)
       ORDER BY "sequence" LIMIT $3`,
      [accountId, afterSequence.toString(), limit],
    );
    return rows.map(transferFromRow);
  }

  /** The account's last transfer made at or before `at`. */
  async lastTransferAt(tx: SqlQueryRunner, accountId: string, at: Date): Promise<RecordedTransfer | undefined> {
    const rows = await tx.query(
      `(SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "debit_account_id" = $1::uuid AND "created_at" <= $2::timestamptz ORDER BY "sequence" DESC LIMIT 1)
       UNION ALL
       (SELECT ${TRANSFER_COLUMNS} FROM "ledger_transfer" WHERE "credit_account_id" = $1::uuid AND "created_at" <= $2::timestamptz ORDER BY "sequence" DESC LIMIT 1)
       ORDER BY "sequence" DESC LIMIT 1`,
      [accountId, at.toISOString()],
    );
    return rows[0] ? transferFromRow(rows[0]) : undefined;
  }

  /** Pending transfers whose timeout has passed at `now`, soonest first. */
  async duePending(tx: SqlQueryRunner, now: Date, limit: number): Promise<string[]> {
    const rows = await tx.query<{ pending_id: string }>(
      `SELECT "pending_id" FROM "ledger_pending_open" WHERE "expires_at" <= $1::timestamptz ORDER BY "expires_at", "pending_id" LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => String(r.pending_id));
  }
}
