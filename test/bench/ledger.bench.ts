import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { ledgerSchemaSql } from '@payments/ledger';
import { createDatabase, type Database, type DatabaseTarget } from '@payments/persistence';

import { type ClosedLoopResult, runClosedLoop } from './ledger/closed-loop.load';
import { type HotAccountSide, ledgerSide, naiveSide } from './ledger/hot-account.sides';

/**
 * One hot account, many concurrent clients: the naive PostgreSQL way and the ledger in the same run.
 *   npm run build && npm run bench:ledger [-- --mode embedded --clients 128 --count 50000 --seconds 20]
 * Every transfer debits the same dealer account (the contended row) and credits one of `--agents`
 * accounts. `--mode distributed` (default) uses the PostgreSQL of DATABASE_URL, `embedded` PGlite.
 * Bounded: `--count` transfers or `--seconds` per side, whichever ends first, after a warm-up of
 * 500. The invariants are checked at the end; the last line compares the two rates.
 */
function positive(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0 && n <= max)) throw new Error(`--${name}: a whole number from 1 to ${max}`);
  return n;
}

const WARM_UP = 500;
/** Connections per side: the naive way gets one per client up to this (the server allows 300 in all). */
const MAX_POOL = 64;

async function openScratch(mode: string, clients: number): Promise<{ db: Database; drop: () => Promise<void> }> {
  const schema = `ledger_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments';
  const target: DatabaseTarget = mode === 'embedded' ? { kind: 'pglite', schema } : { kind: 'postgres', url, schema, poolSize: Math.min(clients, MAX_POOL) };
  const db = await createDatabase(target);
  await db.connection.exec(`CREATE SCHEMA "${schema}"`);
  await db.connection.exec(ledgerSchemaSql());
  return {
    db,
    drop: async () => {
      if (mode !== 'embedded') await db.connection.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

function line(side: string, r: ClosedLoopResult): string {
  return `${side.padEnd(8)} ${Math.round(r.rate).toLocaleString('en-US').padStart(7)}/s  ${r.ok} ok, ${r.errors} errors in ${r.seconds.toFixed(1)} s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`;
}

async function measure(side: HotAccountSide, clients: number, count: number, seconds: number): Promise<ClosedLoopResult> {
  await side.setUp();
  const warm = await runClosedLoop(clients, WARM_UP, seconds, (i) => side.send(i));
  const result = await runClosedLoop(clients, count, seconds, (i) => side.send(WARM_UP + i));
  console.log(line(side.name, result));
  for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
  const problems = await side.check(warm.ok + result.ok);
  console.log(
    `  invariants: ${problems.length === 0 ? 'hold (sum of balances zero, balances equal the sum of transfers, none lost or doubled)' : problems.join('; ')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'distributed' },
      clients: { type: 'string', default: '128' },
      agents: { type: 'string', default: '1000' },
      count: { type: 'string', default: '50000' },
      seconds: { type: 'string', default: '20' },
    },
  });
  if (values.mode !== 'distributed' && values.mode !== 'embedded') throw new Error('--mode: distributed or embedded');
  const clients = positive(values.clients, 'clients', 1_000);
  const agents = positive(values.agents, 'agents', 100_000);
  const count = positive(values.count, 'count', 1_000_000);
  const seconds = positive(values.seconds, 'seconds', 120);
  const database = values.mode === 'embedded' ? 'PGlite (embedded)' : 'PostgreSQL';
  console.log(`hot account on ${database}: ${clients} clients, ${count} transfers or ${seconds} s per side, node ${process.version}`);
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const results: ClosedLoopResult[] = [];
  for (const makeSide of [naiveSide, ledgerSide]) {
    const scratch = await openScratch(values.mode, clients);
    try {
      results.push(await measure(makeSide(scratch.db.connection, agents), clients, count, seconds));
    } finally {
      await scratch.drop();
    }
  }
  const [baseline, ledger] = results as [ClosedLoopResult, ClosedLoopResult];
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`hot account: ledger ${Math.round(ledger.rate)}/s, baseline ${Math.round(baseline.rate)}/s, ratio ${(ledger.rate / baseline.rate).toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
