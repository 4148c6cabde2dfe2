import type { Database } from '../database.port';
import { MigrationsFolder, uniqueSchema } from '../persistence-fixture.contract';
import { describePersistenceContract } from '../contract/persistence.contract';
import { migrateService } from '../migration/migrate-service.usecase';
import { createDatabase } from './database.factory';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';

describe('PostgreSQL database', () => {
  describePersistenceContract((schema) => createDatabase({ kind: 'postgres', url, schema, poolSize: 5 }));

  it('serializes runners of separate processes (separate pools) on the advisory lock', async () => {
    const schema = uniqueSchema();
    const folder = new MigrationsFolder();
    // Each migration holds its transaction a while, so the runners really overlap.
    for (let i = 0; i < 3; i++) folder.write(`2026110110000${i}_created_step_${i}`, `SELECT pg_sleep(0.1);\nCREATE TABLE "step_${i}" ("id" INT PRIMARY KEY);`);
    const target = { kind: 'postgres', url, schema, poolSize: 2 } as const;
    let inspector: Database | undefined;
    try {
      const results = await Promise.all([1, 2, 3].map(() => migrateService({ target, migrationsDir: folder.dir })));

      expect(results.flat().sort()).toEqual(['20261101100000_created_step_0', '20261101100001_created_step_1', '20261101100002_created_step_2']);
      inspector = await createDatabase(target);
      const rows = await inspector.connection.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."_prisma_migrations"`);
      expect(rows[0]?.n).toBe(3);
    } finally {
      await inspector?.connection.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await inspector?.close();
      folder.remove();
    }
  });

  it('fails (never hangs) when the server is unreachable', async () => {
    const db = await createDatabase({ kind: 'postgres', url: 'postgres://payments:payments@127.0.0.1:1/payments', schema: uniqueSchema() });
    try {
      await expect(db.connection.query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await db.close();
    }
  });
});
