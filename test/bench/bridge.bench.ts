import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { build, Histogram } from 'hdr-histogram-js';

import { ANSI_TEST_BDK, hexToBytes, KeySerialNumber } from '@payments/crypto';
import { demoTerminalKey } from '@payments/gateway-app';
import { format0PinEncryptor, listenPinPadOverTcp, ListeningPinPad, PinPadSimulator, RepeatingCardholder, simulatedKeysOf } from '@payments/pinpad';
import { freePort } from '@payments/testing';

import { TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';
import { startEmbeddedProcess } from './bench-targets';
import { JsonPostClient } from './json-post.client';
import { platformRoles, ProcessMeter } from './meters/process.meter';
import { reportCpu, reportLatency, reportPeakMemory } from './meters/step.report';
import { runOpenLoop } from './open-loop.load';

const PAN = '4761739001010010'; // public test card; the simulated issuer's PIN of every card is 1234
const BDK_ID = 'ansi-test-bdk';
const BRIDGE_ENTRY = 'dist/apps/device-bridge/src/main.js';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const f = (n: number, digits = 1): string => n.toFixed(digits);

/**
 * One device bridge serving `--lanes` checkout lanes, on loopback only:
 *   node dist/test/bench/bridge.bench.js --lanes 50 --rates 2.5,25 --duration 60 [--pad-ms 0]
 * Starts the embedded platform (its own process), one simulated PIN pad per lane over TCP (a chip
 * card, PIN 1234 keyed), and one bridge process with a lane per pad, each lane its own demo
 * register. Then an open-loop load of purchases without `card` (the bridge drives the lane's pad),
 * round-robin over the lanes; a lane takes one purchase at a time (its register waits for the one
 * before, and that wait counts in the latency, which runs from when the purchase was due).
 * Per rate: the achieved rate, latency through the bridge, and the bridge's ADDED latency per
 * purchase: the register's time from sending to the answer, minus what the bridge reports
 * (Server-Timing) it waited on the pad and on the gateway. CPU per purchase and peak RSS per
 * process, load average. Bounded in count and time; stops by itself.
 * `BRIDGE_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof"` profiles the bridge process.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lanes: { type: 'string', default: '50' },
      rates: { type: 'string', default: '2.5,25' },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '100' },
      'pad-ms': { type: 'string', default: '0' },
      state: { type: 'string', default: 'disk' },
    },
  });
  const lanes = Number(values.lanes);
  if (!(Number.isInteger(lanes) && lanes >= 1 && lanes <= 500)) throw new Error('--lanes: between 1 and 500');
  const rates = values.rates.split(',').map(Number);
  if (rates.some((r) => !(r > 0 && r <= 1_000))) throw new Error('--rates: arrival rates between 0.01 and 1000 per second');
  const duration = Math.min(Number(values.duration), 300);
  if (!(duration > 0)) throw new Error('--duration: seconds per rate, at most 300');
  const padMs = Math.min(Math.max(Number(values['pad-ms']), 0), 5_000);

  // Registers of its own, after the e2e suites': terminal n's key is `<key>-n`.
  const first = Number(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_COUNT) + 1;
  const registers = Array.from({ length: lanes }, (_, i) => first + i);
  const keys = registers.map((n) => demoTerminalKey(TEST_SERVICE_ENV.GATEWAY_DEMO_TERMINAL_KEY, n));

  const pads: ListeningPinPad[] = [];
  const platform = await startEmbeddedProcess({ GATEWAY_DEMO_TERMINAL_COUNT: String(first - 1 + lanes) });
  const dataDir = mkdtempSync(join(tmpdir(), 'payments-bridge-bench-'));
  let bridge: BridgeChild | undefined;
  let client: JsonPostClient | undefined;
  try {
    for (let i = 0; i < lanes; i += 1) pads.push(await listenPinPadOverTcp(simulatedPad(i, padMs), 0));
    const laneConfig = registers.map((n, i) => ({
      lane: String(i + 1),
      terminalId: `DEMO${String(n).padStart(4, '0')}`,
      terminalKeySha256: createHash('sha256').update(keys[i]).digest('hex'),
      pinpad: `tcp://127.0.0.1:${pads[i].port}`,
      pin: 'chip',
    }));
    bridge = await startBridge({
      DEVICE_BRIDGE_GATEWAY_URL: platform.url,
      DEVICE_BRIDGE_PINPADS: JSON.stringify(laneConfig),
      // `--state memory`: no local state file, to see what writing it costs.
      DATA_DIR: values.state === 'memory' ? 'memory' : dataDir,
    });
    const meter = new ProcessMeter([
      ...platformRoles(repoRoot(), platform.services, false).filter((r) => r.name !== 'bench'),
      { name: 'bridge', matches: ({ pid }) => pid === bridge?.pid },
      { name: 'bench (load, pads)', matches: ({ pid }) => pid === process.pid },
    ]);
    const http = new JsonPostClient(bridge.url);
    client = http;

    // One queue per lane: its register sends the next purchase when the one before is answered.
    const laneQueue: Promise<unknown>[] = registers.map(() => Promise.resolve());
    const waiting = registers.map(() => 0);
    let added: Histogram = histogram();
    let own: Histogram = histogram();
    let gateway: Histogram = histogram();
    let pad: Histogram = histogram();
    let queued = 0;
    const purchase = (i: number): Promise<boolean | string> => {
      const lane = i % lanes;
      if (waiting[lane] > 0) queued += 1;
      waiting[lane] += 1;
      const mine = laneQueue[lane].then(async (): Promise<boolean | string> => {
        const sent = performance.now();
        const response = await http.post(
          '/v1/purchases',
          { authorization: `Bearer ${keys[lane]}`, 'idempotency-key': randomUUID() },
          { amount: 1000, currency: 'EUR' },
          60_000,
        );
        const ms = performance.now() - sent;
        const body = (response.body ?? {}) as { status?: string; message?: unknown };
        if (response.status !== 201 || body.status !== 'approved') return `HTTP ${response.status} ${body.status ?? JSON.stringify(body.message)}`;
        const timing = serverTiming(response.headers['server-timing']);
        if (!timing) return 'no Server-Timing header from the bridge';
        record(added, ms - timing.pad - timing.gateway);
        record(own, timing.bridge);
        record(gateway, timing.gateway);
        record(pad, timing.pad);
        return true;
      });
      laneQueue[lane] = mine.catch(() => undefined).finally(() => (waiting[lane] -= 1));
      return mine;
    };

    const warmup = Number(values.warmup);
    await runOpenLoop(Math.min(lanes, 20), Math.max(warmup, 1) / Math.min(lanes, 20), purchase, 60_000);
    await sleep(1_500);
    console.log(
      `bridge benchmark: ${lanes} lanes (TCP PIN pads on loopback, chip card + PIN, pad answers delayed ${padMs} ms, local state ${values.state === 'memory' ? 'in memory' : 'on disk'}), ${duration} s per rate, ${warmup} purchases of warm-up`,
    );
    console.log(
      `load average before: ${loadavg()
        .map((l) => f(l, 2))
        .join(' ')}`,
    );

    for (const rate of rates) {
      added = histogram();
      own = histogram();
      gateway = histogram();
      pad = histogram();
      queued = 0;
      const before = meter.sample();
      const result = await runOpenLoop(rate, duration, (i) => purchase(i), 60_000);
      await sleep(1_000);
      reportLatency(`bridge, ${lanes} lanes,`, result);
      console.log(
        `  added by the bridge (register's time - pad - gateway): p50 ${ms(added, 50)} ms, p95 ${ms(added, 95)} ms, p99 ${ms(added, 99)} ms, max ${f(added.maxValue / 1_000)} ms` +
          ` (inside its handler: p50 ${ms(own, 50)}, p99 ${ms(own, 99)} ms)`,
      );
      console.log(
        `  waited on the pad: p50 ${ms(pad, 50)} ms, p99 ${ms(pad, 99)} ms; on the gateway: p50 ${ms(gateway, 50)} ms, p99 ${ms(gateway, 99)} ms; ` +
          `purchases that waited for their lane's previous one: ${queued}`,
      );
      reportCpu(ProcessMeter.spent(before, meter.sample()), result.sent);
      console.log(
        `  load average: ${loadavg()
          .map((l) => f(l, 2))
          .join(' ')}`,
      );
    }
    reportPeakMemory(meter.sample().peakRssMiB);
  } finally {
    client?.close();
    await bridge?.stop();
    for (const listening of pads) await listening.close();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Lane i's PIN pad: its own DUKPT device (initial KSN), a chip card, the cardholder typing 1234. */
function simulatedPad(i: number, answerDelayMs: number): PinPadSimulator {
  const ksn = KeySerialNumber.parse(`FFFF${(0x5000000000 + i).toString(16).toUpperCase()}E00000`);
  const keys = simulatedKeysOf(BDK_ID, hexToBytes(ANSI_TEST_BDK, 'bdk'), ksn);
  return new PinPadSimulator({
    serialNumber: `BENCH-${i + 1}`,
    keys,
    card: { entryMode: 'chip', track2: { pan: PAN, expiry: '2712', serviceCode: '201' } },
    cardholder: new RepeatingCardholder({ pin: '1234', digits: '' }),
    encryptPin: format0PinEncryptor(keys.ipek),
    faults: answerDelayMs > 0 ? { answerDelayMs } : undefined,
  });
}

interface BridgeChild {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** The built bridge (`npm run build`) as the shop runs it, in its own process; BRIDGE_NODE_ARGS: node flags (--cpu-prof). */
async function startBridge(env: Record<string, string>): Promise<BridgeChild> {
  const port = await freePort();
  const nodeArgs = (process.env.BRIDGE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(repoRoot(), BRIDGE_ENTRY)], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bridge exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the bridge did not answer /health/live within 30 s');
    const live = await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (live) break;
    await sleep(100);
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `pad;dur=1.2, gateway;dur=3.4, bridge;dur=0.5` -> milliseconds each. */
function serverTiming(header: string | string[] | undefined): { pad: number; gateway: number; bridge: number } | undefined {
  const text = Array.isArray(header) ? header.join(', ') : header;
  if (!text) return undefined;
  const durations = new Map(
    text.split(',').map((entry) => {
      const [name, ...params] = entry.trim().split(';');
      const dur = params.find((p) => p.trim().startsWith('dur='));
      return [name, Number(dur?.trim().slice(4))] as const;
    }),
  );
  const [pad, gateway, bridge] = ['pad', 'gateway', 'bridge'].map((name) => durations.get(name));
  if ([pad, gateway, bridge].some((d) => d === undefined || !Number.isFinite(d))) return undefined;
  return { pad: pad as number, gateway: gateway as number, bridge: bridge as number };
}

function histogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
}

/** Microseconds, at least 1 (the register's clock and the bridge's differ by a few microseconds). */
function record(into: Histogram, msValue: number): void {
  into.recordValue(Math.max(1, Math.round(msValue * 1_000)));
}

function ms(from: Histogram, percentile: number): string {
  return f(from.getValueAtPercentile(percentile) / 1_000);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
