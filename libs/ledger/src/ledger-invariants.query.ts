import type { SqlQueryRunner } from '@payments/persistence';

/**
 * What must hold after any sequence of transfers: per currency the balances sum to zero (posted
 * and pending), no account is past its limit, and each account's balances equal the sum of its
 * transfers (pending: the reservations not yet posted, voided or expired). Returns the violations,
 * one line each; empty when the ledger is sound.
 */
export async function findLedgerViolations(runner: SqlQueryRunner): Promise<string[]> {
  const unbalanced = await runner.query<{ currency: string; posted: string; pending: string }>(
    `SELECT "currency", SUM("credits_posted" - "debits_posted")::text AS posted, SUM("credits_pending" - "debits_pending")::text AS pending
     FROM "ledger_account_balance" GROUP BY "currency"
     HAVING SUM("credits_posted" - "debits_posted") <> 0 OR SUM("credits_pending" - "debits_pending") <> 0`,
  );
  const pastLimit = await runner.query<{ id: string }>(
    `SELECT "id" FROM "ledger_account_balance"
     WHERE ("debits_must_not_exceed_credits" AND "debits_pending" + "debits_posted" > "credits_posted" + "credit_limit")
        OR ("credits_must_not_exceed_debits" AND "credits_pending" + "credits_posted" > "debits_posted")`,
  );
  const drifted = await runner.query<{ id: string }>(
    `WITH sides AS (
       SELECT t."id", t."type", t."amount", t."debit_account_id" AS account, 'debit' AS side FROM "ledger_transfer" t
       UNION ALL
       SELECT t."id", t."type", t."amount", t."credit_account_id", 'credit' FROM "ledger_transfer" t
     ), sums AS (
       SELECT account, side,
         COALESCE(SUM("amount") FILTER (WHERE "type" IN ('posted', 'post')), 0) AS posted,
         COALESCE(SUM("amount") FILTER (WHERE "type" = 'pending' AND NOT EXISTS (SELECT 1 FROM "ledger_transfer" r WHERE r."pending_id" = s."id")), 0) AS pending
       FROM sides s GROUP BY account, side
     )
     SELECT a."id" FROM "ledger_account_balance" a
     LEFT JOIN sums d ON d.account = a."id" AND d.side = 'debit'
     LEFT JOIN sums c ON c.account = a."id" AND c.side = 'credit'
     WHERE a."debits_posted" <> COALESCE(d.posted, 0) OR a."debits_pending" <> COALESCE(d.pending, 0)
        OR a."credits_posted" <> COALESCE(c.posted, 0) OR a."credits_pending" <> COALESCE(c.pending, 0)`,
  );
  return [
    ...unbalanced.map((r) => `currency ${r.currency}: balances sum to ${r.posted} posted and ${r.pending} pending, not zero`),
    ...pastLimit.map((r) => `account ${r.id} is past its limit`),
    ...drifted.map((r) => `account ${r.id}: balances differ from the sum of its transfers`),
  ];
}
