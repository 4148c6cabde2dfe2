import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type PoolClient } from 'pg';

import type { Database, PostgresTarget, StopListening } from '../database.port';
import type { SqlConnection, SqlQueryRunner, SqlRow, SqlSession } from '../sql-connection.port';
import { listenOnPostgres } from './postgres-notification.listener';
import { assertSchemaName, quoteIdent } from './schema-name.util';
import { inTransaction } from './transaction.util';

const DEFAULT_POOL_SIZE = 10;

/**
 * A parameterized statement runs as a named prepared statement: each pooled session parses and
 * plans its text once, and later runs only bind and execute it (PostgreSQL re-plans by itself
 * after DDL or a search_path change). The names are shared by every session, one per text, and
 * bounded: texts past the bound run unnamed, as every statement did before.
 */
const PREPARED_NAMES = new Map<string, string>();
const MAX_PREPARED = 256;

function statement(sql: string, params: readonly unknown[] | undefined): { text: string; values?: unknown[]; name?: string } {
  if (!params) return { text: sql };
  let name = PREPARED_NAMES.get(sql);
  if (name === undefined && PREPARED_NAMES.size < MAX_PREPARED) {
    name = `payments_${PREPARED_NAMES.size + 1}`;
    PREPARED_NAMES.set(sql, name);
  }
  return { text: sql, values: [...params], name };
}

function runnerOver(client: Pool | PoolClient): SqlQueryRunner {
  return {
    query: async <T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]) => (await client.query<T>(statement(sql, params))).rows,
    execute: async (sql: string, params?: readonly unknown[]) => (await client.query(statement(sql, params))).rowCount ?? 0,
    exec: async (script: string) => {
      await client.query(script);
    },
  };
}

function sessionOver(client: PoolClient): SqlSession {
  const runner = runnerOver(client);
  return { ...runner, transaction: (fn) => inTransaction(runner, fn) };
}

class PostgresConnection implements SqlConnection {
  private readonly runner: SqlQueryRunner;

  constructor(private readonly pool: Pool) {
    this.runner = runnerOver(pool);
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

  /**
   * BEGIN ... COMMIT on one pooled session. A committed transaction leaves nothing behind (SET LOCAL
   * and transaction-level advisory locks end with it), so the session goes back to the pool without
   * the reset withSession makes; one that failed is dropped instead, whatever state it was left in.
   */
  async transaction<T>(fn: (tx: SqlQueryRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      const result = await inTransaction(runnerOver(client), fn);
      client.release();
      return result;
    } catch (error) {
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  async withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(sessionOver(client));
    } finally {
      // The client goes back to the pool: leave no lock or setting behind, or drop the session.
      await client.query('SELECT pg_advisory_unlock_all(); RESET ALL').catch((error: Error) => (broken = error));
      client.release(broken);
    }
  }
}

export function openPostgres(target: PostgresTarget): Promise<Database> {
  const schema = assertSchemaName(target.schema);
  const pool = new Pool({
    connectionString: target.url,
    max: target.poolSize ?? DEFAULT_POOL_SIZE,
    // Unqualified names (raw SQL of shared code, migrations without a schema) mean the service's
    // schema, as `?schema=` does for the Prisma CLI; RESET ALL returns to this.
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  // An idle client dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const listeners = new Set<StopListening>();
  return Promise.resolve({
    target,
    adapter: new PrismaPg(pool, { schema }),
    connection: new PostgresConnection(pool),
    listen: async (channel, onNotify) => {
      const stop = await listenOnPostgres(target.url, channel, onNotify);
      listeners.add(stop);
      return () => (listeners.delete(stop) ? stop() : Promise.resolve());
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      listeners.clear();
      await pool.end();
    },
  });
}
