import type { DatabaseTarget } from '../database.port';
import { createDatabase } from '../database/database.factory';
import { applyMigrations } from './migration.runner';

export interface MigrateServiceOptions {
  readonly target: DatabaseTarget;
  readonly migrationsDir: string;
}

/** For an app's `migrate.ts` (the Helm migration Job): open, apply, close; returns the names applied. */
export async function migrateService({ target, migrationsDir }: MigrateServiceOptions): Promise<string[]> {
  const db = await createDatabase(target);
  try {
    return await applyMigrations({ connection: db.connection, schema: target.schema, migrationsDir });
  } finally {
    await db.close();
  }
}
