import { JOURNAL_COLUMNS } from './journal-row.mapper';

/**
 * The purchase path's statements, written around Prisma (its query compiler was a quarter of the
 * service's CPU): each is one round trip and, outside a transaction, one commit. Names are
 * unqualified: the connection's search_path is the service's schema (as for HostSequenceRepository).
 */

/**
 * The pending row and its history row; the batch is the entry's ($9) or the terminal's open one.
 * Returns one row: whether a batch was found, and the journaled row (all NULL when nothing was
 * written because the id is taken).
 */
export const OPEN_SQL = `WITH "batch" AS (
  SELECT COALESCE($9::int, (SELECT "batch_number" FROM "terminal_batch" WHERE "terminal_id" = $3 AND "status" = 'open')) AS "number"
), "journaled" AS (
  INSERT INTO "transaction" ("id", "operation", "terminal_id", "merchant_id", "amount_minor", "currency", "request_hash",
    "business_day", "batch_number", "original_id", "expires_at", "card_token", "masked_pan", "card_scheme", "pan_key_id", "pan_ciphertext", "status")
  SELECT $1::uuid, $2, $3, $4, $5::bigint, $6, $7, $8::date, "batch"."number", $10::uuid, $11::timestamptz, $12, $13, $14, $15, $16, 'pending'
    FROM "batch" WHERE "batch"."number" IS NOT NULL
  ON CONFLICT ("id") DO NOTHING
  RETURNING ${JOURNAL_COLUMNS}
), "history" AS (
  INSERT INTO "transaction_status_change" ("transaction_id", "status") SELECT "id"::uuid, 'pending' FROM "journaled"
)
SELECT "batch"."number" IS NOT NULL AS "batch_open", "journaled".* FROM "batch" LEFT JOIN "journaled" ON true`;

/**
 * What is sent to the rail; returns the row at its new version. With $8, nothing is written (no
 * row comes back) when the operation's register has reported that it gave up.
 */
export const RAIL_REFERENCE_SQL = `UPDATE "transaction" AS t
   SET "acquirer_id" = $2, "stan" = $3, "rrn" = $4, "host_sent_at" = $5::timestamptz, "host_mti" = $6, "processing_code" = $7
 WHERE t."id" = $1::uuid
   AND NOT ($8::boolean AND EXISTS (SELECT 1 FROM "abandonment" AS a WHERE a."transaction_id" = t."id" AND a."terminal_id" = t."terminal_id"))
RETURNING ${JOURNAL_COLUMNS}`;

/** The outcome in one call of the function migration 20261206230000 created (its comment says what it guarantees). */
export const RECORD_OUTCOME_SQL = `SELECT "result", "updated_at" FROM "record_outcome"($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::bigint, $11, $12, $13::uuid, $14, $15, $16::jsonb, $17::jsonb, $18)`;
