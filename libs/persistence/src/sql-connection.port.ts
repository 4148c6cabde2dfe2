/** A row as the driver returns it: column name -> value. */
export type SqlRow = Record<string, unknown>;

/** Plain SQL on one database, for code that runs outside Prisma (the migration runner). */
export interface SqlQueryRunner {
  /** One statement with $1..$n parameters; returns its rows. */
  query<T extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** One statement with $1..$n parameters; returns how many rows it inserted, updated or deleted. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** A script of one or more statements separated by semicolons, without parameters. */
  exec(script: string): Promise<void>;
}

export interface SqlSession extends SqlQueryRunner {
  /** Runs fn inside BEGIN ... COMMIT; ROLLBACK when fn throws (the error is rethrown). */
  transaction<T>(fn: (tx: SqlQueryRunner) => Promise<T>): Promise<T>;
}

/**
 * The raw connection a Database offers besides its Prisma adapter. Session state (advisory locks,
 * SET) only holds inside withSession, which pins one server session; calls made directly on the
 * connection may each use another pooled session. Its transaction() is for transaction-scoped
 * state only (SET LOCAL, pg_advisory_xact_lock): its session is not reset when it commits.
 */
export interface SqlConnection extends SqlSession {
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
}
