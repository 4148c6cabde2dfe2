import type { SqlConnection, SqlExecutor, SqlQueryRunner, TransactionalSqlExecutor } from '@payments/persistence';

/** Prisma's default for an interactive transaction. */
const DEFAULT_TIMEOUT_MS = 5_000;

/** A transaction's statements after it timed out and was rolled back: they fail, as Prisma's do. */
class ClosableExecutor implements SqlExecutor {
  private closedBecause: Error | undefined;

  constructor(private readonly runner: SqlQueryRunner) {}

  close(reason: Error): void {
    this.closedBecause = reason;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.open().query(query, values)) as T;
  }

  async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return this.open().execute(query, values);
  }

  /** Throws inside the async methods, so a closed transaction's statement is a rejected promise. */
  private open(): SqlQueryRunner {
    if (this.closedBecause) throw this.closedBecause;
    return this.runner;
  }
}

/**
 * The raw-SQL surface of a Prisma client (what the outbox relay uses) over a database's plain
 * connection, so that code runs without Prisma's query engine. A transaction is one pinned
 * session (BEGIN ... COMMIT, ROLLBACK when fn throws); after `timeout` ms it is rolled back, its
 * session released and the caller gets the error, while fn's later statements fail.
 */
export class SqlConnectionExecutor implements TransactionalSqlExecutor {
  constructor(private readonly connection: SqlConnection) {}

  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return this.connection.query(query, values) as Promise<T>;
  }

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return this.connection.execute(query, values);
  }

  /** `maxWait` is not enforced: the connection's pool waits for a free session as long as it takes. */
  $transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
    const timeoutMs = options?.timeout ?? DEFAULT_TIMEOUT_MS;
    return this.connection.transaction(async (runner) => {
      const tx = new ClosableExecutor(runner);
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`Transaction already closed: it was rolled back after its timeout of ${timeoutMs} ms`);
          tx.close(error);
          reject(error);
        }, timeoutMs);
      });
      const work = fn(tx);
      // fn may still fail after the timeout ended the transaction; that failure is nobody's to handle.
      work.catch(() => undefined);
      try {
        return await Promise.race([work, expired]);
      } finally {
        clearTimeout(timer);
      }
    });
  }
}
