/**
 * The raw SQL a Prisma client (or a transaction client) offers. Shared code that must work for
 * every service's own generated client (outbox, inbox) depends on this, not on a generated type.
 */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A client that also opens interactive transactions. */
export interface TransactionalSqlExecutor extends SqlExecutor {
  $transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
}
