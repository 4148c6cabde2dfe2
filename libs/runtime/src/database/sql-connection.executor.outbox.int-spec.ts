import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describeOutboxInboxContract } from '@payments/messaging/testing';
import { openScratchSchema } from '@payments/persistence/testing';

import { SqlConnectionExecutor } from './sql-connection.executor';

/** The outbox relay and inbox behave on the plain connection as they do on a Prisma client. */
describe.each(['postgres', 'pglite'] as const)('over SqlConnectionExecutor (%s)', (kind) => {
  describeOutboxInboxContract(`${kind} through SqlConnectionExecutor`, async () => {
    const noMigrations = mkdtempSync(join(tmpdir(), 'executor-outbox-spec-'));
    const { db, close } = await openScratchSchema(kind, { appSchema: 'executor', migrationsDir: noMigrations });
    return {
      db: new SqlConnectionExecutor(db.connection),
      exec: (script) => db.connection.exec(script),
      listen: (channel, onNotify) => db.listen(channel, onNotify),
      close: async () => {
        await close();
        rmSync(noMigrations, { recursive: true, force: true });
      },
    };
  });
});
