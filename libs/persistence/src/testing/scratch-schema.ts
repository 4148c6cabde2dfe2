import { randomUUID } from 'node:crypto';

import { createDatabase } from '../database/database.factory';
import type { Database, DatabaseTarget } from '../database.port';
import { loadMigrationFiles } from '../migration/migration-files.loader';

export interface ScratchSchemaOptions {
  /** The schema the app's migrations name (`"authorization".`): moved to the scratch schema. */
  readonly appSchema: string;
  readonly migrationsDir: string;
  /** PostgreSQL's URL (default: DATABASE_URL, else the local test server). */
  readonly url?: string;
  readonly poolSize?: number;
}

export interface ScratchSchema {
  readonly db: Database;
  /** `<appSchema>_test_<random>`: the database's search_path. */
  readonly schema: string;
  /** Drops the schema (PostgreSQL) and closes the database. */
  close(): Promise<void>;
}

/**
 * A database (real PostgreSQL, or PGlite as in the embedded mode) with an app's migrations applied
 * in a schema of its own, for specs of plain SQL that follows search_path: parallel runs and other
 * suites never see each other's rows.
 */
export async function openScratchSchema(kind: 'postgres' | 'pglite', options: ScratchSchemaOptions): Promise<ScratchSchema> {
  const schema = `${options.appSchema}_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = options.url ?? process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const target: DatabaseTarget = kind === 'postgres' ? { kind, url, schema, poolSize: options.poolSize ?? 4 } : { kind, schema };
  const db = await createDatabase(target);
  await db.connection.exec(`CREATE SCHEMA "${schema}"`);
  for (const migration of loadMigrationFiles(options.migrationsDir)) {
    await db.connection.exec(migration.script.replaceAll(`"${options.appSchema}".`, `"${schema}".`));
  }
  return {
    db,
    schema,
    async close() {
      if (kind === 'postgres') await db.connection.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}
