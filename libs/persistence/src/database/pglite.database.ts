import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type * as PgliteModule from '@electric-sql/pglite';
import type * as PgliteAdapterModule from 'pglite-prisma-adapter';

import type { Database, PgliteTarget } from '../database.port';
import type { SqlConnection, SqlQueryRunner, SqlRow, SqlSession } from '../sql-connection.port';
import { AsyncMutex } from './async-mutex.util';
import { requireOutsideSandbox } from './outside-sandbox-require.util';
import { PgliteAdapterFactory } from './pglite-adapter.factory';
import { freshClusterTarball } from './pglite-template.cache';
import { assertChannelName, assertSchemaName, quoteIdent } from './schema-name.util';

type PGlite = PgliteModule.PGlite;
type PgliteRunner = Pick<PGlite, 'query' | 'exec'>;

/** Dates made in another realm (jest's sandbox) are not `instanceof Date` for PGlite's serializer. */
function realmNeutralParams(params: readonly unknown[] = []): unknown[] {
  return params.map((value) => (Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value));
}

function runnerOver(pglite: PgliteRunner): SqlQueryRunner {
  return {
    query: async <T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]) => (await pglite.query<T>(sql, realmNeutralParams(params))).rows,
    execute: async (sql: string, params?: readonly unknown[]) => (await pglite.query(sql, realmNeutralParams(params))).affectedRows ?? 0,
    exec: async (script: string) => {
      await pglite.exec(script);
    },
  };
}

/**
 * PGlite is one PostgreSQL session. It already runs each query, exec and transaction exclusively
 * (a transaction holds PGlite's lock until COMMIT/ROLLBACK, so no other query of the process
 * lands inside it); withSession adds a lock so two sessions (two migration runners) take turns,
 * since a session-level advisory lock cannot exclude its own session.
 */
class PgliteConnection implements SqlConnection {
  private readonly sessions = new AsyncMutex();
  private readonly runner: SqlQueryRunner;

  constructor(
    private readonly pglite: PGlite,
    private readonly searchPath: string,
  ) {
    this.runner = runnerOver(pglite);
  }

  query<T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.runner.query<T>(sql, params);
  }

  execute(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.runner.execute(sql, params);
  }

  exec(script: string): Promise<void> {
    return this.runner.exec(script);
  }

  transaction<T>(fn: (tx: SqlQueryRunner) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => fn(runnerOver(tx)));
  }

  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.sessions.runExclusive(async () => {
      try {
        return await fn(this);
      } finally {
        // A migration may have changed search_path; the Prisma adapter shares this session.
        await this.pglite.exec(this.searchPath);
      }
    });
  }
}

export async function openPglite(target: PgliteTarget): Promise<Database> {
  const schema = assertSchemaName(target.schema);
  const { PGlite } = requireOutsideSandbox<typeof PgliteModule>('@electric-sql/pglite');
  const { PrismaPGlite } = requireOutsideSandbox<typeof PgliteAdapterModule>('pglite-prisma-adapter');
  let dataDir: string | undefined;
  if (target.dataDir !== undefined) {
    dataDir = resolve(target.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  // A new database starts from a copy of a fresh cluster; an existing dataDir is opened as it is.
  const isNew = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
  const loadDataDir = isNew ? await freshClusterTarball(PGlite) : undefined;
  const pglite = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), ...(loadDataDir ? { loadDataDir } : {}) });
  // Unqualified names (raw SQL of shared code, migrations without a schema) mean the service's schema.
  const searchPath = `SET search_path TO ${quoteIdent(schema)}`;
  await pglite.exec(searchPath);
  return {
    target,
    adapter: new PgliteAdapterFactory(new PrismaPGlite(pglite), schema),
    connection: new PgliteConnection(pglite, searchPath),
    // PGlite delivers a notification when the notifying transaction commits, in this process.
    listen: async (channel, onNotify) => {
      const stop = await pglite.listen(assertChannelName(channel), () => onNotify());
      return () => stop();
    },
    close: () => pglite.close(),
  };
}
