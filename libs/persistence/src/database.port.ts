import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

import type { SqlConnection } from './sql-connection.port';

/** Real PostgreSQL (distributed mode): a pool shared by the Prisma adapter and the raw connection. */
export interface PostgresTarget {
  readonly kind: 'postgres';
  readonly url: string;
  /** The service's own PostgreSQL schema (`agents_billing`). */
  readonly schema: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** PGlite (embedded mode): PostgreSQL compiled to WASM, in this process, one session. */
export interface PgliteTarget {
  readonly kind: 'pglite';
  /** Folder of the database files; absent = in memory, gone when closed. */
  readonly dataDir?: string;
  readonly schema: string;
}

export type DatabaseTarget = PostgresTarget | PgliteTarget;

export type StopListening = () => Promise<void>;

/** What a service needs from its database: `new PrismaClient({ adapter: db.adapter })`, and raw SQL. */
export interface Database {
  readonly target: DatabaseTarget;
  /** Pass to the service's own generated client: `new PrismaClient({ adapter })`. */
  readonly adapter: SqlDriverAdapterFactory;
  readonly connection: SqlConnection;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (a lower-case identifier) once its transaction
   * commits; resolves when listening. Returns the function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<StopListening>;
  /** Closes the pool / PGlite. Disconnect the Prisma clients that use the adapter first. */
  close(): Promise<void>;
}
