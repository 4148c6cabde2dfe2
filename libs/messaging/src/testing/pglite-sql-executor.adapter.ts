import { Module } from 'node:module';

import type * as PgliteModule from '@electric-sql/pglite';

import { SqlExecutor, TransactionalSqlExecutor } from '@payments/persistence';

type PgliteRunner = Pick<PgliteModule.PGlite, 'query'>;

class PgliteRunnerExecutor implements SqlExecutor {
  constructor(private readonly runner: PgliteRunner) {}

  async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return (await this.runner.query(query, values)).affectedRows ?? 0;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.runner.query(query, values)).rows as T;
  }
}

/** An in-memory PGlite seen as the raw-SQL part of a Prisma client, for unit tests. */
export class PgliteSqlExecutor extends PgliteRunnerExecutor implements TransactionalSqlExecutor {
  private constructor(readonly pglite: PgliteModule.PGlite) {
    super(pglite);
  }

  static async open(): Promise<PgliteSqlExecutor> {
    // PGlite's Emscripten glue uses dynamic import(), which jest's vm sandbox rejects: load it
    // with Node's own loader (the same approach as libs/persistence).
    const loader = Module as unknown as { _load(request: string, parent: null, isMain: boolean): unknown };
    const { PGlite } = loader._load(require.resolve('@electric-sql/pglite'), null, false) as typeof PgliteModule;
    const pglite = await PGlite.create();
    return new PgliteSqlExecutor(pglite);
  }

  $transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => fn(new PgliteRunnerExecutor(tx)));
  }

  /** Runs a script of several statements (DDL). */
  async exec(script: string): Promise<void> {
    await this.pglite.exec(script);
  }

  close(): Promise<void> {
    return this.pglite.close();
  }
}
