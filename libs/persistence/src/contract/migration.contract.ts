import { createHash } from 'node:crypto';

import type { Database } from '../database.port';
import { MigrationChecksumError, MigrationFailedError } from '../migration/migration.error';
import { applyMigrations } from '../migration/migration.runner';
import { MigrationsFolder, uniqueSchema } from '../persistence-fixture.contract';

type OpenDatabase = (schema: string) => Promise<Database>;

const CREATE_TERMINAL = 'CREATE TABLE "terminal" ("id" TEXT PRIMARY KEY, "merchant_id" TEXT NOT NULL);';
const ADD_BATCH = `CREATE TABLE "batch" ("id" SERIAL PRIMARY KEY, "terminal_id" TEXT NOT NULL REFERENCES "terminal"("id"));
INSERT INTO "terminal" VALUES ('T1', 'M1');`;

async function tableExists(db: Database, schema: string, table: string): Promise<boolean> {
  const [row] = await db.connection.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [`"${schema}"."${table}"`]);
  return row?.found !== null && row?.found !== undefined;
}

async function history(db: Database, schema: string): Promise<Array<Record<string, unknown>>> {
  return db.connection.query(`SELECT * FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`);
}

/** The migration runner's behaviour, identical on every database kind. */
export function describeMigrationContract(open: OpenDatabase): void {
  describe('MigrationRunner', () => {
    let folder: MigrationsFolder;
    let schema: string;
    let db: Database;

    beforeEach(async () => {
      folder = new MigrationsFolder();
      schema = uniqueSchema();
      db = await open(schema);
    });
    afterEach(async () => {
      await db.connection.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await db.close();
      folder.remove();
    });
    const run = () => applyMigrations({ connection: db.connection, schema, migrationsDir: folder.dir });

    it('creates the schema, applies migrations in order once, and records them like prisma migrate', async () => {
      folder.write('20261101100100_added_batch', ADD_BATCH).write('20261101100000_created_terminal', CREATE_TERMINAL);

      expect(await run()).toEqual(['20261101100000_created_terminal', '20261101100100_added_batch']);
      expect(await run()).toEqual([]);

      expect(await tableExists(db, schema, 'batch')).toBe(true);
      const rows = await history(db, schema);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        migration_name: '20261101100000_created_terminal',
        checksum: createHash('sha256').update(CREATE_TERMINAL).digest('hex'),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(String(rows[0]?.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows.every((row) => row.finished_at !== null && row.started_at !== null)).toBe(true);
    });

    it('refuses an applied migration whose file changed, naming it, and applies nothing else', async () => {
      folder.write('20261101100000_created_terminal', CREATE_TERMINAL);
      await run();
      folder.write('20261101100000_created_terminal', `${CREATE_TERMINAL}\n-- edited after release`);
      folder.write('20261101100100_added_batch', ADD_BATCH);

      const failure = run();
      await expect(failure).rejects.toThrow(MigrationChecksumError);
      await expect(failure).rejects.toThrow(/20261101100000_created_terminal/);
      expect(await tableExists(db, schema, 'batch')).toBe(false);
      expect(await history(db, schema)).toHaveLength(1);
    });

    it('rolls a failing migration back whole and names it and its failing statement', async () => {
      folder.write('20261101100000_created_terminal', CREATE_TERMINAL);
      folder.write('20261101100100_added_batch', `CREATE TABLE "batch" ("id" SERIAL PRIMARY KEY);\nINSERT INTO "no_such_table" VALUES (1);`);

      const failure = run();
      await expect(failure).rejects.toThrow(MigrationFailedError);
      await expect(failure).rejects.toThrow(/20261101100100_added_batch failed at statement 2[\s\S]*INSERT INTO "no_such_table"/);
      expect(await tableExists(db, schema, 'terminal')).toBe(true);
      expect(await tableExists(db, schema, 'batch')).toBe(false);
      expect((await history(db, schema)).map((row) => row.migration_name)).toEqual(['20261101100000_created_terminal']);

      folder.write('20261101100100_added_batch', ADD_BATCH);
      expect(await run()).toEqual(['20261101100100_added_batch']);
    });

    it('lets concurrent runners apply each migration exactly once', async () => {
      folder.write('20261101100000_created_terminal', CREATE_TERMINAL).write('20261101100100_added_batch', ADD_BATCH);

      const results = await Promise.all([run(), run(), run()]);

      expect(results.flat().sort()).toEqual(['20261101100000_created_terminal', '20261101100100_added_batch']);
      expect(await history(db, schema)).toHaveLength(2);
    });

    it('keeps dollar-quoted bodies whole and leaves the search_path on the service schema', async () => {
      folder.write(
        '20261101100000_created_terminal',
        `${CREATE_TERMINAL}\nCREATE FUNCTION "terminal_count"() RETURNS BIGINT LANGUAGE sql AS $fn$ SELECT count(*) FROM "terminal"; $fn$;\nSET search_path TO public;`,
      );
      await run();

      const [row] = await db.connection.query<{ n: string }>('SELECT "terminal_count"()::text AS n');
      expect(row?.n).toBe('0');
    });
  });
}
