import type { SqlQueryRunner } from '@payments/persistence';

import type { Account } from './ledger.types';
import type { RecordedTransfer } from './posting.book';

const BALANCE_FIELDS = ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'] as const;

/** Another writer got there first: nothing of the batch was written; decide it again on fresh rows. */
export class WriteConflictError extends Error {
  constructor() {
    super('another writer changed an account or wrote one of the transfers first');
  }
}

export interface DecidedBatch {
  /** The accounts as the batch was decided on, and as it leaves them (same order). */
  readonly before: readonly Account[];
  readonly after: readonly Account[];
  /** New transfers, in the order they were decided. */
  readonly transfers: readonly RecordedTransfer[];
  readonly createdAt: Date;
  /** Ids refused without a look at the table: the write fails if one exists (it is a replay). */
  readonly refusedIds: readonly string[];
}

const CONFLICT_MARK = 'ledger_write_conflict';

/**
 * The statement aborts itself when a compare-and-set missed or an insert met an existing row: a
 * text that is not a number, cast to int, built from the counts so that it is evaluated at run
 * time, not folded when planned (plain SQL, no PL/pgSQL: the same on PostgreSQL and PGlite).
 */
const WRITE_BATCH = `
WITH moved AS (
  UPDATE "ledger_account_balance" a SET "debits_pending" = v.dp, "debits_posted" = v.dd, "credits_pending" = v.cp, "credits_posted" = v.cc
  FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[])
    AS v(id, odp, odd, ocp, occ, dp, dd, cp, cc, credit_limit)
  WHERE a."id" = v.id AND a."debits_pending" = v.odp AND a."debits_posted" = v.odd AND a."credits_pending" = v.ocp AND a."credits_posted" = v.occ
    AND a."credit_limit" = v.credit_limit
  RETURNING a."id"
), written AS (
  INSERT INTO "ledger_transfer" ("id", "type", "debit_account_id", "credit_account_id", "amount", "currency", "pending_id", "expires_at",
    "reference", "request_hash", "created_at", "debit_debits_pending", "debit_debits_posted", "debit_credits_pending", "debit_credits_posted",
    "credit_debits_pending", "credit_debits_posted", "credit_credits_pending", "credit_credits_posted")
  SELECT t.id, t.type, t.debit, t.credit, t.amount, t.currency, t.pending_id, t.expires_at, t.reference, t.request_hash, $21::timestamptz,
    t.d1, t.d2, t.d3, t.d4, t.c1, t.c2, t.c3, t.c4
  FROM unnest($11::uuid[], $12::text[], $13::uuid[], $14::uuid[], $15::bigint[], $16::text[], $17::uuid[], $18::timestamptz[], $19::text[], $20::text[],
    $22::bigint[], $23::bigint[], $24::bigint[], $25::bigint[], $26::bigint[], $27::bigint[], $28::bigint[], $29::bigint[])
    WITH ORDINALITY AS t(id, type, debit, credit, amount, currency, pending_id, expires_at, reference, request_hash, d1, d2, d3, d4, c1, c2, c3, c4, n)
  ORDER BY t.n
  ON CONFLICT DO NOTHING
  RETURNING "id", "sequence"
), opened AS (
  INSERT INTO "ledger_pending_open" ("pending_id", "expires_at") SELECT * FROM unnest($30::uuid[], $31::timestamptz[])
), closed AS (
  DELETE FROM "ledger_pending_open" WHERE "pending_id" = ANY($32::uuid[])
), counted AS (
  SELECT (SELECT COUNT(*) FROM moved) AS moved, (SELECT COUNT(*) FROM written) AS written,
    (SELECT COUNT(*) FROM "ledger_transfer" WHERE "id" = ANY($35::uuid[])) AS replayed
)
SELECT w."id", w."sequence",
  CASE WHEN c.moved = $33 AND c.written = $34 AND c.replayed = 0 THEN 0 ELSE ('${CONFLICT_MARK}: ' || c.moved || ' ' || c.written || ' ' || c.replayed)::int END AS conflict
FROM counted c LEFT JOIN written w ON true`;

/**
 * Writes a decided batch as ONE statement, so it commits whole or not at all: each account's
 * balances are set only where they still are what the batch was decided on (compare and set, the
 * check and the write in one atomic step), the transfers are inserted in order, the reservations
 * opened and closed. Throws WriteConflictError, having written nothing, when another writer changed
 * an account, wrote one of the ids or resolved one of the pending transfers first, or when one of
 * the refused ids exists (the batch was decided without reading them: the fast path). Returns each
 * written transfer's sequence.
 */
export async function writeDecidedBatch(runner: SqlQueryRunner, batch: DecidedBatch): Promise<Map<string, bigint>> {
  const { before, after, transfers, createdAt } = batch;
  const column = <V>(pick: (t: RecordedTransfer) => V) => transfers.map(pick);
  // A reservation made and resolved in the same batch is never open (the statement's parts share
  // one snapshot: its DELETE would not see the row its INSERT adds).
  const resolved = new Set(transfers.flatMap((t) => (t.pendingId ? [t.pendingId] : [])));
  const made = new Set(transfers.filter((t) => t.type === 'pending').map((t) => t.id));
  const opened = transfers.filter((t) => made.has(t.id) && !resolved.has(t.id));
  try {
    const rows = await runner.query<{ id: string | null; sequence: string | null }>(WRITE_BATCH, [
      after.map((a) => a.id),
      ...BALANCE_FIELDS.map((f) => before.map((a) => a[f].toString())),
      ...BALANCE_FIELDS.map((f) => after.map((a) => a[f].toString())),
      before.map((a) => a.creditLimit.toString()),
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
      opened.map((t) => t.id),
      opened.map((t) => t.expiresAt?.toISOString() ?? null),
      [...resolved].filter((id) => !made.has(id)),
      after.length,
      transfers.length,
      batch.refusedIds,
    ]);
    return new Map(rows.map((r) => [String(r.id), BigInt(r.sequence as string)]));
  } catch (error) {
    // Not `instanceof Error`: PGlite's errors may come from another realm (jest's sandbox).
    if (String((error as { message?: unknown } | null)?.message).includes(CONFLICT_MARK)) throw new WriteConflictError();
    throw error;
  }
}
