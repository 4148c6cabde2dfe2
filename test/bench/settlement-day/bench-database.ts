import { join } from 'node:path';

import { Client } from 'pg';

import { applyMigrations, createDatabase, type Database } from '@payments/persistence';

import { repoRoot } from '../../support/repo-root.util';

export interface BenchDatabase {
  readonly name: string;
  /** The bench database's URL (search_path set by the pool, not the URL). */
  readonly url: string;
  readonly db: Database;
  /** Closes the pool and drops the database (its sessions ended first). */
  drop(): Promise<void>;
}

/** The same server, another database: `postgres://…/payments` -> `postgres://…/<name>`. */
function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops a bench database whatever sessions it still has (PostgreSQL 13+). */
export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own on the real PostgreSQL (`payments_bench_settlement_<pid>`), with the
 * settlement migrations applied as the service's migrate entry applies them (schema `settlement`).
 */
export async function openBenchDatabase(serverUrl: string, poolSize: number): Promise<BenchDatabase> {
  const name = `payments_bench_settlement_${process.pid}`;
  await dropBenchDatabase(serverUrl, name);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = urlOf(serverUrl, name);
  const db = await createDatabase({ kind: 'postgres', url, schema: 'settlement', poolSize });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await db.close().catch(() => undefined);
    await dropBenchDatabase(serverUrl, name);
  };
  try {
    await applyMigrations({ connection: db.connection, schema: 'settlement', migrationsDir: join(repoRoot(), 'apps/settlement/prisma/migrations') });
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, db, drop };
}
