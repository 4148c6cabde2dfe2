import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { createDatabase, type SqlConnection } from '@payments/persistence';

/**
 * The embedded mode's database floor: what PGlite (PostgreSQL in WASM, in the platform's own
 * process and thread) spends per purchase on the statements a purchase needs across the services,
 * through the project's Database port, with nothing else running:
 *   node dist/test/bench/pglite-floor.bench.js [--purchases 3000]
 * The statements: the gateway's idempotency record and its response, authorization's pending
 * journal row, then its outcome and outbox row in one transaction, the relay taking the row, and
 * settlement's line (the same set as the stack floor's, stack-floor.bench.ts). PGlite runs on the
 * caller's thread, so its time per purchase bounds the embedded mode's rate from above whatever
 * the rest of the platform costs. Sequential (PGlite has one session); bounded in count.
 */
const SCHEMA_SQL = `
CREATE TABLE idempotency (key text PRIMARY KEY, response text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE journal (id uuid PRIMARY KEY, terminal_id text NOT NULL, amount_minor bigint NOT NULL, currency text NOT NULL,
  status text NOT NULL, rrn text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE outbox (id bigserial PRIMARY KEY, key text NOT NULL, payload text NOT NULL);
CREATE TABLE lines (id uuid PRIMARY KEY, amount_minor bigint NOT NULL);
`;

async function purchase(sql: SqlConnection): Promise<void> {
  const key = randomUUID();
  const id = randomUUID();
  await sql.query('INSERT INTO idempotency (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key', [key]);
  await sql.execute(`INSERT INTO journal (id, terminal_id, amount_minor, currency, status) VALUES ($1, 'T0000001', 1250, 'EUR', 'pending')`, [id]);
  await sql.transaction(async (tx) => {
    await tx.execute(`UPDATE journal SET status = 'approved', rrn = '000000000001' WHERE id = $1`, [id]);
    await tx.execute('INSERT INTO outbox (key, payload) VALUES ($1, $2)', ['T0000001', JSON.stringify({ id, amountMinor: 1250, currency: 'EUR' })]);
  });
  await sql.execute('UPDATE idempotency SET response = $2 WHERE key = $1', [key, '{"status":"approved"}']);
  await sql.query('DELETE FROM outbox RETURNING key, payload');
  await sql.execute('INSERT INTO lines (id, amount_minor) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, 1250]);
}

async function measure(where: 'disk' | 'memory', purchases: number): Promise<void> {
  const dataDir = where === 'disk' ? mkdtempSync(join(tmpdir(), 'pglite-floor-')) : undefined;
  const db = await createDatabase({ kind: 'pglite', schema: 'pglite_floor', ...(dataDir === undefined ? {} : { dataDir }) });
  try {
    await db.connection.execute('CREATE SCHEMA IF NOT EXISTS pglite_floor');
    for (const statement of SCHEMA_SQL.split(';').filter((s) => s.trim())) await db.connection.execute(statement);
    for (let i = 0; i < Math.min(500, purchases); i++) await purchase(db.connection); // warm-up
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < purchases; i++) await purchase(db.connection);
    const ms = performance.now() - started;
    const spent = process.cpuUsage(cpu);
    const cpuMs = (spent.user + spent.system) / 1_000 / purchases;
    console.log(
      `PGlite ${where.padEnd(6)} ${purchases} purchases: ${(ms / purchases).toFixed(3)} ms wall, ${cpuMs.toFixed(3)} ms CPU per purchase; ` +
        `at most ${Math.round(purchases / (ms / 1_000)).toLocaleString('en-US')} purchases/s on its thread`,
    );
  } finally {
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { purchases: { type: 'string', default: '3000' } } });
  const purchases = Number(values.purchases);
  if (!(Number.isInteger(purchases) && purchases > 0 && purchases <= 100_000)) throw new Error('--purchases: between 1 and 100000');
  await measure('disk', purchases);
  await measure('memory', purchases);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
