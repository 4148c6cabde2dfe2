import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FIXTURE_MIGRATIONS, FIXTURE_SCHEMA, PrismaClient } from '../persistence-fixture.contract';
import { describePersistenceContract } from '../contract/persistence.contract';
import { applyMigrations } from '../migration/migration.runner';
import { createDatabase } from './database.factory';

jest.setTimeout(60_000);

describe('PGlite database', () => {
  describePersistenceContract((schema) => createDatabase({ kind: 'pglite', schema }));

  it('keeps data and migration history in dataDir across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'persistence-pglite-'));
    const target = { kind: 'pglite', dataDir, schema: FIXTURE_SCHEMA } as const;
    try {
      const first = await createDatabase(target);
      await applyMigrations({ connection: first.connection, schema: FIXTURE_SCHEMA, migrationsDir: FIXTURE_MIGRATIONS });
      const writer = new PrismaClient({ adapter: first.adapter });
      await writer.account.create({ data: { id: 'kept', holder: 'kept', balanceMinor: 1234n, currency: 'EUR' } });
      await writer.$disconnect();
      await first.close();

      const second = await createDatabase(target);
      const reader = new PrismaClient({ adapter: second.adapter });
      try {
        expect((await reader.account.findUniqueOrThrow({ where: { id: 'kept' } })).balanceMinor).toBe(1234n);
        expect(await applyMigrations({ connection: second.connection, schema: FIXTURE_SCHEMA, migrationsDir: FIXTURE_MIGRATIONS })).toEqual([]);
      } finally {
        await reader.$disconnect();
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
