import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@payments/testing';

import { SERVICES } from '../support/distributed-platform';
import { startDistributed, TEST_SERVICE_ENV } from '../support/platform-under-test';
import { repoRoot } from '../support/repo-root.util';

export interface BenchTarget {
  readonly url: string;
  /** The platform's processes, as the process meter names them (their entry points under dist/apps). */
  readonly services: readonly string[];
  stop(): Promise<void>;
}

/** The embedded platform in its own process (as `npm start` runs it), on a scratch data folder. */
export async function startEmbeddedProcess(env: Record<string, string>): Promise<BenchTarget> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'payments-bench-'));
  // EMBEDDED_NODE_ARGS: node flags, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile a benchmark run.
  const nodeArgs = (process.env.EMBEDDED_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(repoRoot(), 'dist/apps/embedded/src/main.js')], {
    // OPERATOR_PORT and GRPC_PORT 0: any free port, so the benchmark never collides with a platform already on 8081 or 50051.
    env: { ...process.env, ...TEST_SERVICE_ENV, ...env, PORT: String(port), OPERATOR_PORT: '0', GRPC_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
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
    services: ['embedded'],
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seven services as separate processes over the real Kafka, PostgreSQL and Redis on loopback. */
export async function startDistributedTarget(env: Record<string, string>): Promise<BenchTarget> {
  const platform = await startDistributed({ env });
  return { url: platform.gatewayUrl, services: SERVICES.map((s) => s.name), stop: () => platform.stop() };
}
