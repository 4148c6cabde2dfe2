import { join } from 'node:path';

import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { DistributedPlatform, startDistributedPlatform } from '../support/distributed-platform';
import { TEST_SERVICE_ENV } from '../support/platform-under-test';
import { eventually, operatorCall, HttpResult, RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const CRASH_AMOUNT = '000000007777';

/**
 * The authorization process dies after the host approved a purchase but before the approval was
 * journaled or sent back. After a restart the purchase must be reversed exactly once, and the
 * journal must say why. Seven processes on Kafka, PostgreSQL and Redis; a real SIGKILL.
 */
describe('authorization killed between the host approval and the reply (distributed mode)', () => {
  let platform: DistributedPlatform;
  let simulator: AcquirerHostSimulator;
  let register: RegisterClient;

  beforeAll(async () => {
    simulator = new AcquirerHostSimulator({ port: await freePort() });
    const { port } = await simulator.start();
    const root = repoRoot();
    platform = await startDistributedPlatform({
      root,
      logDir: join(root, '.infra/logs/e2e-crash'),
      portOffset: 200,
      env: { ...process.env, ...TEST_SERVICE_ENV, AUTHORIZATION_ACQUIRER_PORT: String(port) },
    });
    register = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-3`);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await simulator?.stop();
  }, 60_000);

  it('reverses the purchase once after the restart, and the journal says why', async () => {
    // The host approves, but only after the process is gone: its answer reaches nobody.
    simulator.addRule((m) => (m.mti === '0200' && m.fields[4] === CRASH_AMOUNT ? { kind: 'delay', ms: 1_000, then: { kind: 'approve' } } : undefined));
    const pending: Promise<HttpResult> = register.post('/v1/purchases', { amount: 7777, currency: 'EUR', card: register.card('4242424242424242') });

    const sentToHost = await eventually(
      () => Promise.resolve(simulator.received.find((m) => m.mti === '0200' && m.fields[4] === CRASH_AMOUNT)),
      (m) => m !== undefined,
    );
    expect(sentToHost).toBeDefined();
    await platform.kill('authorization');

    const answer = await pending;
    expect(answer.status).toBe(504);
    const transactionId = String(answer.body.transactionId);

    await platform.restart('authorization');
    const journalUrl = `${platform.urls.authorization}/v1/journal/transactions/${transactionId}`;
    const reversed = await eventually(
      async () => (await operatorCall(journalUrl)).body,
      (row) => row.status === 'reversed',
      40_000,
    );

    expect(reversed.status).toBe('reversed');
    const history = reversed.history as { status: string; reason: string | null }[];
    expect(history.map((h) => h.status)).toEqual(['pending', 'unknown', 'reversed']);
    expect(history[1].reason).toContain('interrupted after the request went to the host');
    const originalStan = sentToHost!.fields[11];
    const reversals = simulator.received.filter((m) => (m.mti === '0400' || m.mti === '0420') && m.fields[90]?.startsWith(`0200${originalStan}`));
    expect(reversals).toHaveLength(1);

    // Nothing sends it again: a later pass of the worker finds the queue entry closed.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(simulator.received.filter((m) => m.fields[90]?.startsWith(`0200${originalStan}`))).toHaveLength(1);
  }, 120_000);
});
