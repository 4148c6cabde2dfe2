import { assertSchemaName } from '../database/schema-name.util';
import type { SqlConnection, SqlQueryRunner } from '../sql-connection.port';
import { loadMigrationFiles, type MigrationFile } from './migration-files.loader';
import { type AppliedMigration, MigrationHistoryRepository } from './migration-history.repository';
import { MigrationChecksumError, MigrationFailedError, MigrationUnfinishedError } from './migration.error';
import { splitSqlStatements } from './sql-script.splitter';

/**
 * The advisory lock key of Prisma Migrate's schema engine: runners booting at once, and a
 * `prisma migrate deploy` where the engine exists, apply one after the other.
 */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

export interface ApplyMigrationsOptions {
  readonly connection: SqlConnection;
  /** The service's schema: created when missing, holds `_prisma_migrations`, is the search_path. */
  readonly schema: string;
  /** `apps/<app>/prisma/migrations`. */
  readonly migrationsDir: string;
}

/**
 * Applies Prisma-layout migrations offline, in pure JS, on PostgreSQL and PGlite, with the
 * bookkeeping of `prisma migrate deploy` so both accept the same database.
 */
export class MigrationRunner {
  private readonly history: MigrationHistoryRepository;

  constructor(private readonly options: ApplyMigrationsOptions) {
    this.history = new MigrationHistoryRepository(assertSchemaName(options.schema));
  }

  /** Applies what is pending, each migration in its own transaction; returns the names applied. */
  async run(): Promise<string[]> {
    const migrations = loadMigrationFiles(this.options.migrationsDir);
    return this.options.connection.withSession(async (session) => {
      await session.exec(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK})`);
      try {
        await this.history.ensureTable(session);
        const pending = this.pending(migrations, await this.history.list(session));
        const applied: string[] = [];
        for (const migration of pending) {
          await session.transaction((tx) => this.apply(tx, migration));
          applied.push(migration.name);
        }
        return applied;
      } finally {
        await session.exec(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_ADVISORY_LOCK})`);
      }
    });
  }

  /** Refuses before applying anything when history and files disagree. */
  private pending(migrations: readonly MigrationFile[], history: readonly AppliedMigration[]): MigrationFile[] {
    const current = history.filter((row) => !row.rolledBack);
    const unfinished = current.find((row) => !row.finished);
    if (unfinished) throw new MigrationUnfinishedError(this.options.schema, unfinished.migrationName);
    const applied = new Map(current.map((row) => [row.migrationName, row.checksum]));
    const modified = migrations.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name);
    if (modified.length > 0) throw new MigrationChecksumError(this.options.schema, modified);
    return migrations.filter((m) => !applied.has(m.name));
  }

  private async apply(tx: SqlQueryRunner, migration: MigrationFile): Promise<void> {
    const startedAt = new Date();
    const statements = splitSqlStatements(migration.script);
    for (const [index, statement] of statements.entries()) {
      try {
        await tx.exec(statement);
      } catch (error) {
        throw new MigrationFailedError(migration.name, index + 1, statement, error);
      }
    }
    await this.history.recordApplied(tx, migration.name, migration.checksum, startedAt);
  }
}

export function applyMigrations(options: ApplyMigrationsOptions): Promise<string[]> {
  return new MigrationRunner(options).run();
}
