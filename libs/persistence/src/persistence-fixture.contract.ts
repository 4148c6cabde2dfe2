// Test-only helpers shared by the persistence specs (excluded from the build as *.contract.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The fixture service of libs/persistence/test-fixtures (its models carry @@schema("persistence_fixture")). */
export const FIXTURE_SCHEMA = 'persistence_fixture';
export const FIXTURE_MIGRATIONS = join(__dirname, '..', 'test-fixtures', 'prisma', 'migrations');

let counter = 0;

/** A schema name no earlier run used, so runs against a shared PostgreSQL never meet. */
export function uniqueSchema(): string {
  counter += 1;
  return `persistence_t${Date.now().toString(36)}_${process.pid}_${counter}`;
}

/** A temporary migrations folder in Prisma's layout; write() adds or replaces a migration.sql. */
export class MigrationsFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'persistence-migrations-'));

  write(name: string, sql: string): this {
    mkdirSync(join(this.dir, name), { recursive: true });
    writeFileSync(join(this.dir, name, 'migration.sql'), sql);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export { Prisma, PrismaClient } from '../test-fixtures/generated/client';
