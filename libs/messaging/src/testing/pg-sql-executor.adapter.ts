import { Pool, PoolClient } from 'pg';

import { SqlExecutor, TransactionalSqlExecutor } from '@payments/persistence';

class PgClientExecutor implements SqlExecutor {
  constructor(private readonly client: Pool | PoolClient) {}

  async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return (await this.client.query(query, values)).rowCount ?? 0;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.client.query(query, values)).rows as T;
  }
}

/**
 * A `pg.Pool` seen as the raw-SQL part of a Prisma client, for tests of code written against
 * SqlExecutor. `$transaction` pins one pooled connection for BEGIN ... COMMIT and rolls back
 * when fn throws or when `timeout` ms pass (as Prisma's interactive transactions do).
 */
export class PgSqlExecutor extends PgClientExecutor implements TransactionalSqlExecutor {
  constructor(private readonly pool: Pool) {
    super(pool);
  }

  async $transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
    const client = await this.pool.connect();
    let timer: NodeJS.Timeout | undefined;
    try {
      await client.query('BEGIN');
      const timeoutMs = options?.timeout ?? 5_000;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`transaction exceeded its timeout of ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([fn(new PgClientExecutor(client)), expired]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      clearTimeout(timer);
      client.release();
    }
  }
}
