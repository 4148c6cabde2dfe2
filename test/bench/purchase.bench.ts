import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { demoTerminalKey } from '@payments/gateway-app';
import { TestPinPad } from '@payments/testing';

import { TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';
import { BenchTarget, startDistributedTarget, startEmbeddedProcess } from './bench-targets';
import { JsonPostClient } from './json-post.client';
import { DatabaseMeter } from './meters/database.meter';
import { LatencyPoint, writeLatencyChart, writeLatencyTable } from './meters/latency.chart';
import { platformRoles, ProcessMeter } from './meters/process.meter';
import { reportCpu, reportDatabase, reportIdle, reportLatency, reportPeakMemory } from './meters/step.report';
import { runOpenLoop, StepResult } from './open-loop.load';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The purchase golden path under an open-loop load, on loopback only:
 *   node dist/test/bench/purchase.bench.js --mode embedded|distributed --rates 25,50,100 --duration 20 --registers 50
 * Requests go round-robin to `--registers` demo registers (one register's operations are handled
 * one after another, as a real register makes them). Prints the platform's CPU share at rest,
 * then per arrival rate the achieved rate, p50/p95/p99/p99.9, errors, CPU milliseconds per
 * purchase per process and (distributed) PostgreSQL statements and commits per purchase; then
 * the highest rate whose p99 stayed under 100 ms with fewer than 0.1% errors, peak memory per
 * process, and writes a latency-over-time chart (SVG) under tmp/bench/. Bounded in count and time.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'embedded' },
      rates: { type: 'string', default: '25,50,100' },
      rate: { type: 'string' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '50' },
      registers: { type: 'string', default: '50' },
      idle: { type: 'string', default: '5' },
    },
  });
  const mode = values.mode === 'distributed' ? 'distributed' : 'embedded';
  const registers = Number(values.registers);
  if (!(Number.isInteger(registers) && registers >= 1 && registers <= 1_000)) throw new Error('--registers: between 1 and 1000');
  // Registers of its own, after the e2e suites' (their batches, in the distributed mode's database,
  // stay theirs): seeded on top of the test defaults.
  const first = Number(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_COUNT) + 1;
  const seeded = { GATEWAY_DEMO_TERMINAL_COUNT: String(first - 1 + registers) };
  const keys = Array.from({ length: registers }, (_, i) => demoTerminalKey(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY, first + i));
  const rates = (values.rate ?? values.rates).split(',').map(Number);
  const duration = Math.min(Number(values.duration), 120);
  const idleS = Math.min(Math.max(Number(values.idle), 0), 60);
  if (rates.some((r) => !(r > 0 && r <= 5_000))) throw new Error('--rates: arrival rates between 1 and 5000 per second');

  const target: BenchTarget = mode === 'distributed' ? await startDistributedTarget(seeded) : await startEmbeddedProcess(seeded);
  const meter = new ProcessMeter(platformRoles(repoRoot(), target.services, mode === 'distributed'));
  const database =
    mode === 'distributed' ? await DatabaseMeter.open(process.env.DATABASE_URL ?? 'postgres://payments:payments@127.0.0.1:5432/payments') : undefined;
  const client = new JsonPostClient(target.url);
  try {
    const pinPad = TestPinPad.withAnsiTestKey();
    const cards = Array.from({ length: Math.min(Math.max(...rates) * duration + Number(values.warmup), 20_000) }, () =>
      pinPad.readCard({ pan: '4242424242424242', expiry: '3012', serviceCode: '201' }),
    );
    let next = 0;
    const purchase = async (): Promise<boolean | string> => {
      const n = next++;
      const response = await client.post(
        '/v1/purchases',
        { authorization: `Bearer ${keys[n % registers]}`, 'idempotency-key': randomUUID() },
        { amount: 1000, currency: 'EUR', card: cards[n % cards.length] },
        30_000,
      );
      const body = (response.body ?? {}) as { status?: string; message?: unknown };
      return response.status === 201 && body.status === 'approved' ? true : `HTTP ${response.status} ${body.status ?? JSON.stringify(body.message)}`;
    };
    for (let i = 0; i < Number(values.warmup); i += 1) await purchase();

    if (idleS > 0) {
      await sleep(2_000); // what the warm-up left in flight settles first
      const before = meter.sample();
      await sleep(idleS * 1_000);
      reportIdle(ProcessMeter.spent(before, meter.sample()), idleS);
    }

    const results: StepResult[] = [];
    const points: LatencyPoint[] = [];
    const origin = performance.now();
    for (const rate of rates) {
      const cpuBefore = meter.sample();
      const dbBefore = await database?.sample();
      const result = await runOpenLoop(rate, duration, purchase, 30_000, origin);
      await sleep(1_500); // the outbox's events are consumed, and PostgreSQL reports its counters
      const cpuAfter = meter.sample();
      const spent = ProcessMeter.spent(cpuBefore, cpuAfter);
      results.push(result);
      points.push(...result.finished.map((p) => ({ atS: p.atMs / 1_000, ms: p.ms, rate })));
      reportLatency(mode, result);
      reportCpu(spent, result.sent, ProcessMeter.spent(cpuBefore, cpuAfter, 'systemMs'));
      if (database && dbBefore) reportDatabase(dbBefore, await database.sample(), result.sent);
    }
    const passing = results.filter((r) => r.p99 < 100 && r.errors / r.sent < 0.001);
    console.log(`(${registers} registers, ${duration} s per rate)`);
    console.log(`highest rate with p99 < 100 ms and < 0.1% errors (${mode}): ${passing.length ? Math.max(...passing.map((r) => r.targetRate)) : 'none'}/s`);
    reportPeakMemory(meter.sample().peakRssMiB);
    const chart = join(repoRoot(), 'tmp', 'bench', `purchase-${mode}-${new Date().toISOString().replace(/[:.]/g, '-')}.svg`);
    await writeLatencyChart(chart, `purchase latency over time (${mode}; rates ${rates.join(', ')}/s, ${duration} s each)`, points);
    writeLatencyTable(chart.replace(/\.svg$/, '.csv'), points);
    console.log(`latency chart: ${chart} (its numbers: the .csv beside it)`);
  } finally {
    client.close();
    await database?.close();
    await target.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
