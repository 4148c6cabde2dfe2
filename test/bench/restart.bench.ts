import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { startDistributedPlatform } from '../support/distributed-platform';
import { TEST_SERVICE_ENV } from '../support/platform-under-test';
import { RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * How long registers wait after authorization dies: kill -9 of the authorization process, then
 * its restart, timed until a purchase is approved again (a register retrying every 100 ms) and
 * until /health/ready answers. Distributed mode, loopback only, bounded:
 *   node dist/test/bench/restart.bench.js --rounds 3
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const rounds = Math.min(Math.max(Number(values.rounds), 1), 10);
  const simulator = new AcquirerHostSimulator({ port: await freePort() });
  const { port } = await simulator.start();
  const root = repoRoot();
  const platform = await startDistributedPlatform({
    root,
    logDir: join(root, '.infra/logs/restart-bench'),
    portOffset: 300,
    // A register of its own after the e2e suites' seven, so its purchases never land in their batches.
    env: { ...process.env, ...TEST_SERVICE_ENV, GATEWAY_DEMO_TERMINAL_COUNT: '8', AUTHORIZATION_ACQUIRER_PORT: String(port) },
  });
  const register = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-8`);
  const approved = async (): Promise<boolean> => {
    const result = await register.post('/v1/purchases', { amount: 100, currency: 'EUR', card: register.card() }).catch(() => undefined);
    return result?.status === 201 && result.body.status === 'approved';
  };
  try {
    for (let round = 1; round <= rounds; round += 1) {
      await sleep(3_000);
      await platform.kill('authorization');
      const killedAt = Date.now();
      const ready = platform.restart('authorization').then(() => Date.now() - killedAt);
      let servedMs: number | undefined;
      while (servedMs === undefined && Date.now() - killedAt < 60_000) {
        if (await approved()) servedMs = Date.now() - killedAt;
        else await sleep(100);
      }
      console.log(`round ${round}: first approval ${servedMs ?? 'none within 60 s'} ms after kill -9; /health/ready after ${await ready} ms`);
    }
  } finally {
    await platform.stop();
    await simulator.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
