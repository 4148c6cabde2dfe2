import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { SqlQueryRunner, SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, jsonOf } from '../database/sql-values';
import type { PayeeRegistry, RegistryAttempt } from './registry';
import { dayStart, nextDay } from './registry';
import type { RegistryLine } from './registry-file';

const COLUMNS = `"id"::text AS "id", "payee_id", "business_day"::text AS "business_day", "sequence", "file_name", "layout", "currency", "made_at",
  "sha256", "byte_length", "line_count", "total"::text AS "total", "signature", "signature_algorithm", "signing_key_id", "attempts",
  "last_error", "next_attempt_at", "delivered_at", "destination"`;

function registryOf(row: SqlRow): PayeeRegistry {
  return {
    id: String(row.id),
    payeeId: String(row.payee_id),
    businessDay: String(row.business_day),
    sequence: Number(row.sequence),
    fileName: String(row.file_name),
    layout: jsonOf<object>(row.layout),
    currency: String(row.currency),
    madeAt: dateOf(row.made_at),
    sha256: String(row.sha256),
    byteLength: Number(row.byte_length),
    lineCount: Number(row.line_count),
    total: BigInt(row.total as string),
    signature: Buffer.from(String(row.signature), 'base64'),
    signatureAlgorithm: String(row.signature_algorithm),
    signingKeyId: String(row.signing_key_id),
    attempts: Number(row.attempts),
    lastError: (row.last_error as string | null) ?? null,
    nextAttemptAt: dateOf(row.next_attempt_at),
    deliveredAt: row.delivered_at === null ? null : dateOf(row.delivered_at),
    destination: (row.destination as string | null) ?? null,
  };
}

export type NewRegistry = Omit<PayeeRegistry, 'id' | 'attempts' | 'lastError' | 'deliveredAt' | 'destination' | 'nextAttemptAt'>;

/** The payees' registries and their delivery attempts, and the payments a registry lists. */
@Injectable()
export class RegistryRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /**
   * The payee's payments that reached their final paid state (posted) in the UTC day, in a fixed
   * order: by the moment they were posted, then by id.
   */
  async linesOf(payeeId: string, day: string, runner: SqlQueryRunner = this.db): Promise<RegistryLine[]> {
    const rows = await runner.query(
      `SELECT "id"::text AS "id", "node_id"::text AS "node_id", "amount"::text AS "amount", "currency", "account", "posted_at"
       FROM "agent_payment" WHERE "payee_id" = $1 AND "status" = 'posted' AND "posted_at" >= $2::timestamptz AND "posted_at" < $3::timestamptz
       ORDER BY "posted_at", "id"`,
      [payeeId, dayStart(day).toISOString(), dayStart(nextDay(day)).toISOString()],
    );
    return rows.map((row) => ({
      paymentId: String(row.id),
      postedAt: dateOf(row.posted_at),
      account: (row.account as string | null) ?? '',
      amount: BigInt(row.amount as string),
      currency: String(row.currency),
      nodeId: String(row.node_id),
    }));
  }

  async find(payeeId: string, day: string, runner: SqlQueryRunner = this.db): Promise<PayeeRegistry | undefined> {
    const [row] = await runner.query(`SELECT ${COLUMNS} FROM "payee_registry" WHERE "payee_id" = $1 AND "business_day" = $2::date`, [payeeId, day]);
    return row ? registryOf(row) : undefined;
  }

  /** The next sequence number of a payee's registries (call with its settings row locked). */
  async nextSequence(runner: SqlQueryRunner, payeeId: string): Promise<number> {
    const [row] = await runner.query<{ next: number }>(`SELECT coalesce(max("sequence"), 0) + 1 AS "next" FROM "payee_registry" WHERE "payee_id" = $1`, [
      payeeId,
    ]);
    return Number(row.next);
  }

  async insert(runner: SqlQueryRunner, registry: NewRegistry): Promise<PayeeRegistry> {
    const [row] = await runner.query(
      `INSERT INTO "payee_registry" ("id", "payee_id", "business_day", "sequence", "file_name", "layout", "currency", "made_at", "sha256",
         "byte_length", "line_count", "total", "signature", "signature_algorithm", "signing_key_id", "next_attempt_at")
       VALUES ($1::uuid, $2, $3::date, $4, $5, $6::jsonb, $7, $8::timestamptz, $9, $10, $11, $12::bigint, $13, $14, $15, $8::timestamptz)
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        registry.payeeId,
        registry.businessDay,
        registry.sequence,
        registry.fileName,
        JSON.stringify(registry.layout),
        registry.currency,
        registry.madeAt.toISOString(),
        registry.sha256,
        registry.byteLength,
        registry.lineCount,
        registry.total.toString(),
        registry.signature.toString('base64'),
        registry.signatureAlgorithm,
        registry.signingKeyId,
      ],
    );
    return registryOf(row);
  }

  /** A payee's registries, newest day first, optionally from a day on. */
  async list(payeeId: string, fromDay: string | undefined, limit: number): Promise<PayeeRegistry[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "payee_registry" WHERE "payee_id" = $1 AND ($2::date IS NULL OR "business_day" >= $2::date)
       ORDER BY "business_day" DESC LIMIT $3`,
      [payeeId, fromDay ?? null, limit],
    );
    return rows.map(registryOf);
  }

  /** The days from `from` to `to` (inclusive) that have no registry of the payee yet, oldest first. */
  async missingDays(payeeId: string, from: string, to: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ day: string }>(
      `SELECT d::date::text AS "day" FROM generate_series($2::date, $3::date, interval '1 day') AS d
       WHERE NOT EXISTS (SELECT 1 FROM "payee_registry" r WHERE r."payee_id" = $1 AND r."business_day" = d::date)
       ORDER BY d LIMIT $4`,
      [payeeId, from, to, limit],
    );
    return rows.map((row) => String(row.day));
  }

  /** Registries not yet delivered whose next attempt is due, the earliest first. */
  async dueForDelivery(now: Date, limit: number): Promise<PayeeRegistry[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "payee_registry" WHERE "delivered_at" IS NULL AND "next_attempt_at" <= $1::timestamptz ORDER BY "next_attempt_at", "id" LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map(registryOf);
  }

  /** The earliest next attempt of a registry not yet delivered; undefined when every one is. */
  async nextAttemptAt(): Promise<Date | undefined> {
    const [row] = await this.db.query(`SELECT min("next_attempt_at") AS "at" FROM "payee_registry" WHERE "delivered_at" IS NULL`);
    return row?.at ? dateOf(row.at) : undefined;
  }

  /** One delivery attempt and what it did to the registry, in one transaction. */
  recordAttempt(registry: PayeeRegistry, attempt: RegistryAttempt, nextAttemptAt: Date): Promise<PayeeRegistry> {
    return this.db.transaction(async (tx) => {
      await tx.execute(
        `INSERT INTO "payee_registry_attempt" ("id", "registry_id", "attempted_at", "outcome", "destination", "error") VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4, $5, $6)`,
        [randomUUID(), registry.id, attempt.attemptedAt.toISOString(), attempt.outcome, attempt.destination, attempt.error],
      );
      const failed = attempt.outcome === 'failed';
      const [row] = await tx.query(
        `UPDATE "payee_registry" SET "attempts" = "attempts" + 1, "last_error" = $2, "next_attempt_at" = $3::timestamptz,
           "delivered_at" = CASE WHEN $4::boolean THEN "delivered_at" ELSE coalesce("delivered_at", $5::timestamptz) END,
           "destination" = CASE WHEN $4::boolean THEN "destination" ELSE $6 END
         WHERE "id" = $1::uuid RETURNING ${COLUMNS}`,
        [registry.id, attempt.error, nextAttemptAt.toISOString(), failed, attempt.attemptedAt.toISOString(), attempt.destination],
      );
      return registryOf(row);
    });
  }

  async attemptsOf(registryId: string): Promise<RegistryAttempt[]> {
    const rows = await this.db.query(
      `SELECT "attempted_at", "outcome", "destination", "error" FROM "payee_registry_attempt" WHERE "registry_id" = $1::uuid ORDER BY "attempted_at", "id"`,
      [registryId],
    );
    return rows.map((row) => ({
      attemptedAt: dateOf(row.attempted_at),
      outcome: row.outcome as RegistryAttempt['outcome'],
      destination: String(row.destination),
      error: (row.error as string | null) ?? null,
    }));
  }
}
