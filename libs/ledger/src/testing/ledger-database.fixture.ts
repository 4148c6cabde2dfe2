import { randomUUID } from 'node:crypto';

import { createDatabase, type Database, type DatabaseTarget } from '@payments/persistence';

import { Ledger, type LedgerOptions } from '../ledger';
import { ledgerSchemaSql } from '../ledger-schema.sql';

export type DatabaseKind = 'postgres' | 'pglite';

export interface LedgerDatabase {
  readonly db: Database;
  readonly schema: string;
  /** A ledger (a writer of its own) on these tables. */
  openLedger(options?: LedgerOptions): Ledger;
  /**
   * A ledger as another replica of the service would have: on PostgreSQL over a pool of its own,
   * on PGlite (one session in one process) a second writer on the same database.
   */
  openReplica(): Promise<Ledger>;
  /** Drops the schema (PostgreSQL) and closes the database. */
  close(): Promise<void>;
}

/** The ledger's tables in a fresh schema, on real PostgreSQL (DATABASE_URL) or PGlite. */
export async function openLedgerDatabase(kind: DatabaseKind, poolSize = 4): Promise<LedgerDatabase> {
  const schema = `ledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const target: DatabaseTarget = kind === 'postgres' ? { kind, url, schema, poolSize } : { kind, schema };
  const db = await createDatabase(target);
  await db.connection.exec(`CREATE SCHEMA "${schema}"`);
  await db.connection.exec(ledgerSchemaSql());
  const replicas: Database[] = [];
  return {
    db,
    schema,
    openLedger: (options) => new Ledger(db.connection, options),
    async openReplica() {
      if (target.kind === 'pglite') return new Ledger(db.connection);
      const replica = await createDatabase(target);
      replicas.push(replica);
      return new Ledger(replica.connection);
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
      if (kind === 'postgres') await db.connection.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

let next = 0;
/** A fresh lower-case UUID, readable in failures: its last digits count up. */
export function newId(): string {
  next += 1;
  return `${randomUUID().slice(0, 24)}${next.toString(16).padStart(12, '0')}`;
}
