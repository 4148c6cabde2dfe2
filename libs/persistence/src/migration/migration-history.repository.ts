import { randomUUID } from 'node:crypto';

import { quoteIdent } from '../database/schema-name.util';
import type { SqlQueryRunner } from '../sql-connection.port';

/** A row of `_prisma_migrations`, as `prisma migrate deploy` writes and reads it. */
export interface AppliedMigration {
  readonly migrationName: string;
  readonly checksum: string;
  readonly finished: boolean;
  readonly rolledBack: boolean;
}

/**
 * The history table of Prisma Migrate, same columns and types as the schema engine creates
 * (PostgreSQL flavour), in the service's schema: where `prisma migrate deploy` looks when its
 * URL carries `?schema=<service schema>`.
 */
export class MigrationHistoryRepository {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${quoteIdent(schema)}."_prisma_migrations"`;
  }

  async ensureTable(runner: SqlQueryRunner): Promise<void> {
    await runner.exec(
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)};
       CREATE TABLE IF NOT EXISTS ${this.table} (
         "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
         "checksum"            VARCHAR(64) NOT NULL,
         "finished_at"         TIMESTAMPTZ,
         "migration_name"      VARCHAR(255) NOT NULL,
         "logs"                TEXT,
         "rolled_back_at"      TIMESTAMPTZ,
         "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
         "applied_steps_count" INTEGER NOT NULL DEFAULT 0
       )`,
    );
  }

  async list(runner: SqlQueryRunner): Promise<AppliedMigration[]> {
    const rows = await runner.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM ${this.table} ORDER BY started_at, migration_name`,
    );
    return rows.map((row) => ({ migrationName: row.migration_name, checksum: row.checksum, finished: row.finished, rolledBack: row.rolled_back }));
  }

  /**
   * Records a migration as finished, inside the migration's own transaction: it appears if and
   * only if the migration committed. Prisma counts a whole migration.sql as one step.
   */
  async recordApplied(runner: SqlQueryRunner, migrationName: string, checksum: string, startedAt: Date): Promise<void> {
    await runner.query(
      `INSERT INTO ${this.table} (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4::timestamptz, 1)`,
      [randomUUID(), checksum, migrationName, startedAt.toISOString()],
    );
  }
}
