import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { demoTerminalKey } from '@payments/gateway-app';
import { freePort, TestPinPad } from '@payments/testing';

import { startDistributed, TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';
import { runOpenLoop, StepResult } from './open-loop.load';

/**
 * The purchase golden path under an open-loop load, on loopback only:
 *   node dist/test/bench/purchase.bench.js --mode embedded|distributed --rates 25,50,100 --duration 20 --registers 50
 * Requests go round-robin to `--registers` demo registers (one register's operations are handled
 * one after another, as a real register makes them). Reports, per arrival rate, the achieved rate, p50/p95/p99/p99.9 and errors, then the highest
 * rate whose p99 stayed under 100 ms with fewer than 0.1% errors. Bounded in count and time.
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
    },
  });
  const registers = Number(values.registers);
  if (!(Number.isInteger(registers) && registers >= 1 && registers <= 1_000)) throw new Error('--registers: between 1 and 1000');
  // Registers of its own, after the e2e suites' (their batches, in the distributed mode's database,
  // stay theirs): seeded on top of the test defaults.
  const first = Number(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_COUNT) + 1;
  const seeded = { GATEWAY_DEMO_TERMINAL_COUNT: String(first - 1 + registers) };
  const keys = Array.from({ length: registers }, (_, i) => demoTerminalKey(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY, first + i));
  const rates = (values.rate ?? values.rates).split(',').map(Number);
  const duration = Math.min(Number(values.duration), 120);
  if (rates.some((r) => !(r > 0 && r <= 2_000))) throw new Error('--rates: arrival rates between 1 and 2000 per second');

  const target = values.mode === 'distributed' ? await startDistributedTarget(seeded) : await startEmbeddedProcess(seeded);
  try {
    const pinPad = TestPinPad.withAnsiTestKey();
    const cards = Array.from({ length: Math.max(...rates) * duration + Number(values.warmup) }, () =>
      pinPad.readCard({ pan: '4242424242424242', expiry: '3012', serviceCode: '201' }),
    );
    let next = 0;
    const purchase = async (): Promise<boolean | string> => {
      const n = next++;
      const response = await fetch(`${target.url}/v1/purchases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[n % registers]}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ amount: 1000, currency: 'EUR', card: cards[n % cards.length] }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { status?: string; message?: unknown };
      return response.status === 201 && body.status === 'approved' ? true : `HTTP ${response.status} ${body.status ?? JSON.stringify(body.message)}`;
    };
    for (let i = 0; i < Number(values.warmup); i += 1) await purchase();

    const results: StepResult[] = [];
    for (const rate of rates) {
      const result = await runOpenLoop(rate, duration, purchase);
      results.push(result);
      report(values.mode, result);
    }
    const passing = results.filter((r) => r.p99 < 100 && r.errors / r.sent < 0.001);
    console.log(`(${registers} registers, ${duration} s per rate)`);
    console.log(
      `highest rate with p99 < 100 ms and < 0.1% errors (${values.mode}): ${passing.length ? Math.max(...passing.map((r) => r.targetRate)) : 'none'}/s`,
    );
  } finally {
    await target.stop();
  }
}

function report(mode: string, r: StepResult): void {
  const f = (n: number): string => n.toFixed(1);
  console.log(
    `${mode} rate ${r.targetRate}/s: achieved ${f(r.achievedRate)}/s, ${r.sent} sent, ${r.errors} errors, ` +
      `p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, p99.9 ${f(r.p999)} ms, max ${f(r.max)} ms`,
  );
  for (const sample of r.errorSamples) console.log(`  error: ${sample}`);
}

/** The embedded platform in its own process (as `npm start` runs it), on a scratch data folder. */
async function startEmbeddedProcess(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'payments-bench-'));
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/apps/embedded/src/main.js')], {
    // OPERATOR_PORT 0: any free port, so the benchmark never collides with a platform already on 8081.
    env: { ...process.env, ...TEST_SERVICE_ENV, ...env, PORT: String(port), OPERATOR_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`embedded platform exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('embedded platform not ready within 60 s');
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startDistributedTarget(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const platform = await startDistributed({ env });
  return { url: platform.gatewayUrl, stop: () => platform.stop() };
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
