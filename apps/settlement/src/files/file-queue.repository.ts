import type { OutboxRow } from '@payments/messaging';

import type { SettlementDb } from '../database/settlement-db.provider';

/** The delivery columns every file table has, as the driver returns them. */
export interface FileDeliveryRow extends Record<string, unknown> {
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly next_attempt_at: Date | string;
  readonly last_error: string | null;
  readonly byte_length: string | null;
  readonly sha256: string | null;
  readonly destination: string | null;
  readonly delivered_at: Date | string | null;
}

/** A file row's delivery state (what was written is each table's own). */
export function deliveryStateOf(row: FileDeliveryRow) {
  return {
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    destination: row.destination,
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
  };
}

/**
 * What every table of files to send shares (settlement_file, journal_file): the due pending file
 * taken and leased, when the next one is due, and a failed attempt recorded. Plain SQL, PostgreSQL
 * and PGlite.
 */
export abstract class FileQueueRepository<F> {
  private readonly claimDueSql: string;
  private readonly nextDueSql: string;
  private readonly markFailedSql: string;

  protected constructor(
    protected readonly db: SettlementDb,
    table: string,
    columns: string,
    private readonly rowOf: (row: Record<string, unknown>) => F,
  ) {
    // Takes the first due pending file and leases it: a pass that dies half-way leaves it to a later one.
    this.claimDueSql = `UPDATE "${table}" SET "next_attempt_at" = $2 WHERE "id" = (SELECT "id" FROM "${table}"
        WHERE "status" = 'pending' AND "next_attempt_at" <= $1 ORDER BY "next_attempt_at" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${columns}`;
    this.nextDueSql = `SELECT min("next_attempt_at") AS "at" FROM "${table}" WHERE "status" = 'pending'`;
    this.markFailedSql = `UPDATE "${table}" SET "attempts" = "attempts" + 1, "last_error" = $2, "next_attempt_at" = $4,
        "status" = CASE WHEN "status" = 'delivered' THEN 'delivered' WHEN "attempts" + 1 >= $3 THEN 'failed' ELSE 'pending' END
      WHERE "id" = $1::uuid`;
  }

  /** The first pending file due at `now`, leased until `leaseUntil`; undefined when none is due. */
  async claimDue(now: Date, leaseUntil: Date): Promise<F | undefined> {
    const [row] = await this.db.query(this.claimDueSql, [now, leaseUntil]);
    return row && this.rowOf(row);
  }

  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.db.query<{ at: Date | string | null }>(this.nextDueSql);
    return row?.at ? new Date(row.at) : undefined;
  }

  /** The row marked delivered by `update` and its event in the outbox, in one transaction (the relay wakes when it commits). */
  protected async markDeliveredWith(update: string, params: readonly unknown[], event: OutboxRow): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(update, params);
      await tx.query(
        `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
          VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${event.channel}', '') FROM "written"`,
        [event.id, event.topic, event.key, event.payload, event.headers],
      );
    });
  }

  /** One more failed attempt: pending again at `retryAt`, or failed once `maxAttempts` were made (a delivered file stays delivered). */
  async markAttemptFailed(id: string, error: string, maxAttempts: number, retryAt: Date): Promise<void> {
    await this.db.execute(this.markFailedSql, [id, error, maxAttempts, retryAt]);
  }
}
