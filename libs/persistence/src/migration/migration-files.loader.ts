import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { MigrationLayoutError } from './migration.error';

export interface MigrationFile {
  /** The folder name, as `prisma migrate` records it in migration_name. */
  readonly name: string;
  readonly script: string;
  /** SHA-256 hex of migration.sql's bytes: the checksum `prisma migrate` records and compares. */
  readonly checksum: string;
}

const MIGRATION_FOLDER = /^\d{14}_[A-Za-z0-9_]+$/;

/** Reads `<dir>/<YYYYMMDDHHMMSS>_<name>/migration.sql` in name (= time) order. */
export function loadMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) throw new MigrationLayoutError(`migrationsDir ${migrationsDir} does not exist`);
  return readdirSync(migrationsDir)
    .filter((entry) => statSync(join(migrationsDir, entry)).isDirectory())
    .sort()
    .map((name) => {
      if (!MIGRATION_FOLDER.test(name)) {
        throw new MigrationLayoutError(`migration folder ${name} in ${migrationsDir} must be named <YYYYMMDDHHMMSS>_<name>`);
      }
      const file = join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationLayoutError(`migration ${name} has no migration.sql`);
      const bytes = readFileSync(file);
      return { name, script: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}
