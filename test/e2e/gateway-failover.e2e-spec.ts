import { createHash, randomUUID } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';

import { ANSI_TEST_BDK, hexToBytes, KeySerialNumber } from '@payments/crypto';
import { startDeviceBridge } from '@payments/device-bridge-app';
import { listenPinPadOverTcp, PinPadSimulator, RepeatingCardholder, simulatedKeysOf } from '@payments/pinpad';
import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { DistributedPlatform, internalGrpcEnv, startDistributedPlatform } from '../support/distributed-platform';
import { GatewayProcess, startGatewayProcess } from '../support/gateway.process';
import { TEST_SERVICE_ENV } from '../support/platform-under-test';
import { call, eventually, HttpResult, operatorCall, RegisterClient, TERMINAL_KEY } from '../support/register.client';
import { repoRoot } from '../support/repo-root.util';

const OFFSET = 400;
// The register waits 3 s; a request in progress 3 s + 1 s after its gateway took it has lost that gateway.
const FAILOVER_ENV = { GATEWAY_AUTHORIZE_TIMEOUT_MS: '3000', GATEWAY_IN_PROGRESS_LEASE_MARGIN_MS: '1000', GATEWAY_DEMO_TERMINAL_COUNT: '10' };
const TERMINAL = 'DEMO0010';

/**
 * Two gateway processes over one database (the platform's, A, and a backup, B). A purchase's
 * gateway dies mid-operation (SIGKILL); the register sends the same request with the same
 * Idempotency-Key to B: it gets one outcome, the host sees the purchase once, the journal has one
 * transaction. A died after authorization sent the 0200 (the approval is reversed: the register
 * never got it), or before forwarding at all (B runs it, once); and the device bridge in front,
 * failing over from A to B by itself.
 */
describe('a gateway killed mid-operation, its backup over the same database (distributed mode)', () => {
  let platform: DistributedPlatform;
  let simulator: AcquirerHostSimulator;
  let backup: GatewayProcess;
  /** The gateways a test starts to kill. */
  const doomed: GatewayProcess[] = [];
  let silent: Server;
  const held: Socket[] = [];
  let env: NodeJS.ProcessEnv;
  const logDir = join(repoRoot(), '.infra/logs/e2e-failover');
  const startedAt = new Date().toISOString();

  beforeAll(async () => {
    simulator = new AcquirerHostSimulator({ port: await freePort() });
    const { port } = await simulator.start();
    env = { ...process.env, ...TEST_SERVICE_ENV, ...FAILOVER_ENV, AUTHORIZATION_ACQUIRER_PORT: String(port) };
    platform = await startDistributedPlatform({ root: repoRoot(), logDir, portOffset: OFFSET, env });
    backup = await startGatewayProcess({ ...env, ...internalGrpcEnv(OFFSET) }, logDir, 'gateway-b');
    // Where a gateway that never reaches authorization sends its calls: connections are taken, nothing answers.
    silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  }, 180_000);

  afterAll(async () => {
    held.forEach((socket) => socket.destroy());
    silent?.close();
    await Promise.all([...doomed.map((gateway) => gateway.kill()), backup?.stop(), platform?.stop()]);
    await simulator?.stop();
  }, 60_000);

  const sentToHost = (mti: string, amount: string) => simulator.received.filter((m) => m.mti === mti && m.fields[4] === amount);
  const journalOf = async (amountMinor: number) =>
    (
      await operatorCall<{ items: { transactionId: string; status: string }[] }>(
        `${platform.urls.authorization}/v1/journal/transactions?terminalId=${TERMINAL}&amountMin=${amountMinor}&amountMax=${amountMinor}&from=${startedAt}`,
      )
    ).body.items;
  /** The register's retries on B: 409 while A's lease runs, then the outcome. */
  const untilAnswered = async (register: RegisterClient, body: unknown, idempotencyKey: string): Promise<HttpResult[]> => {
    const answers: HttpResult[] = [];
    await eventually(
      async () => {
        answers.push(await register.post('/v1/purchases', body, { idempotencyKey }));
        return answers[answers.length - 1];
      },
      (answer) => answer.status !== 409,
      15_000,
    );
    return answers;
  };

  it('A dies after authorization sent the 0200: B answers 409 until the lease ends, then the approval the register never got is reversed, once', async () => {
    const amount = 4411;
    const de4 = String(amount).padStart(12, '0');
    // The host answers after A is gone.
    simulator.addRule((m) => (m.mti === '0200' && m.fields[4] === de4 ? { kind: 'delay', ms: 1_000, then: { kind: 'approve' } } : undefined));
    const onA = new RegisterClient(platform.gatewayUrl, `${TERMINAL_KEY}-10`);
    const onB = new RegisterClient(backup.url, `${TERMINAL_KEY}-10`);
    const body = { amount, currency: 'EUR', card: onA.card('4242424242424242') };
    const key = `failover-${randomUUID()}`;

    const first = onA.post('/v1/purchases', body, { idempotencyKey: key }).then(
      (answer) => `answered ${answer.status}`,
      (error: Error) => error.message,
    );
    await eventually(
      () => Promise.resolve(sentToHost('0200', de4).length),
      (n) => n === 1,
    );
    await platform.kill('gateway');
    // The register's connection broke with its gateway.
    expect(await first).toBe('fetch failed');

    const answers = await untilAnswered(onB, body, key);

    // While A's lease runs B says only 409 (a slow machine may reach B after the lease: no 409 then).
    expect(answers.slice(0, -1).map((answer) => answer.status)).toEqual(answers.slice(0, -1).map(() => 409));
    const outcome = answers[answers.length - 1];
    expect(outcome.status).toBe(504);
    expect(outcome.body.message).toContain('being reversed');
    const transactionId = String(outcome.body.transactionId);
    // One outcome: the key replays it.
    expect((await onB.post('/v1/purchases', body, { idempotencyKey: key })).body).toEqual(outcome.body);
    const row = await eventually(
      async () => (await operatorCall(`${platform.urls.authorization}/v1/journal/transactions/${transactionId}`)).body,
      (r) => r.status === 'reversed',
    );
    expect(row.status).toBe('reversed');
    expect((await journalOf(amount)).map((r) => r.transactionId)).toEqual([transactionId]);
    const purchases = sentToHost('0200', de4);
    expect(purchases).toHaveLength(1);
    const reversals = simulator.received.filter((m) => (m.mti === '0400' || m.mti === '0420') && m.fields[90]?.startsWith(`0200${purchases[0].fields[11]}`));
    expect(reversals).toHaveLength(1);
  }, 40_000);

  it('A dies before forwarding (authorization never got the request): B runs it once and the register gets the approval', async () => {
    const amount = 4412;
    const de4 = String(amount).padStart(12, '0');
    const { port } = silent.address() as { port: number };
    const cutOff = await startGatewayProcess({ ...env, ...internalGrpcEnv(OFFSET), GATEWAY_AUTHORIZATION_GRPC_URL: `127.0.0.1:${port}` }, logDir, 'gateway-a2');
    doomed.push(cutOff);
    const onA = new RegisterClient(cutOff.url, `${TERMINAL_KEY}-10`);
    const onB = new RegisterClient(backup.url, `${TERMINAL_KEY}-10`);
    const body = { amount, currency: 'EUR', card: onA.card('4242424242424242') };
    const key = `failover-${randomUUID()}`;

    const first = onA.post('/v1/purchases', body, { idempotencyKey: key }).then(
      (answer) => `answered ${answer.status}`,
      (error: Error) => error.message,
    );
    await eventually(
      () => Promise.resolve(held.length),
      (n) => n > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cutOff.kill();
    // The register's connection broke with its gateway.
    expect(await first).toBe('fetch failed');

    const answers = await untilAnswered(onB, body, key);

    // While A's lease runs B says only 409 (a slow machine may reach B after the lease: no 409 then).
    expect(answers.slice(0, -1).map((answer) => answer.status)).toEqual(answers.slice(0, -1).map(() => 409));
    const outcome = answers[answers.length - 1];
    expect(outcome.status).toBe(201);
    expect(outcome.body).toMatchObject({ status: 'approved', amount });
    expect((await onB.post('/v1/purchases', body, { idempotencyKey: key })).body).toEqual(outcome.body);
    expect(sentToHost('0200', de4)).toHaveLength(1);
    const journal = await journalOf(amount);
    expect(journal).toEqual([expect.objectContaining({ transactionId: outcome.body.transactionId, status: 'approved' })]);
  }, 40_000);
  it('the device bridge in front: its primary gateway dies after the 0200, it fails over to the backup with the same key, the register gets one outcome', async () => {
    const amount = 4413;
    const de4 = String(amount).padStart(12, '0');
    simulator.addRule((m) => (m.mti === '0200' && m.fields[4] === de4 ? { kind: 'delay', ms: 1_000, then: { kind: 'approve' } } : undefined));
    const primary = await startGatewayProcess({ ...env, ...internalGrpcEnv(OFFSET) }, logDir, 'gateway-a3');
    doomed.push(primary);
    // A thin PIN pad over TCP whose customer inserts a public test chip card (no PIN: the lane asks none, and a chip read gets no last-4 prompt).
    const keys = simulatedKeysOf('ansi-test-bdk', hexToBytes(ANSI_TEST_BDK, 'bdk'), KeySerialNumber.parse('FFFF9876543219E00000'));
    const pad = new PinPadSimulator({
      serialNumber: 'SIM-FAILOVER',
      keys,
      card: { entryMode: 'chip', track2: { pan: '4761739001010010', expiry: '2712', serviceCode: '201' } },
      cardholder: new RepeatingCardholder({ pin: '1234', digits: '' }),
    });
    const served = await listenPinPadOverTcp(pad, 0);
    const terminalKey = `${TERMINAL_KEY}-10`;
    const bridge = await startDeviceBridge({
      PORT: '0',
      DATA_DIR: 'memory',
      LOG_LEVEL: 'warn',
      DEVICE_BRIDGE_GATEWAY_URL: primary.url,
      DEVICE_BRIDGE_BACKUP_GATEWAY_URL: backup.url,
      DEVICE_BRIDGE_PROBE_INTERVAL_MS: '500',
      DEVICE_BRIDGE_PINPADS: JSON.stringify([
        {
          lane: '1',
          terminalId: TERMINAL,
          terminalKeySha256: createHash('sha256').update(terminalKey).digest('hex'),
          pinpad: `tcp://127.0.0.1:${served.port}`,
          pin: 'never',
        },
      ]),
    });
    const key = `failover-${randomUUID()}`;
    // A register that knows nothing of gateways: it asks the bridge, and again with its key until it has the outcome.
    const pay = (): Promise<HttpResult> =>
      call(`${bridge.url}/v1/purchases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${terminalKey}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ amount, currency: 'EUR' }),
      });
    try {
      const first = pay();
      await eventually(
        () => Promise.resolve(sentToHost('0200', de4).length),
        (n) => n === 1,
      );
      await primary.kill();

      // 409 while A's lease runs; a slow machine may reach B after it, and get the outcome at once.
      expect([409, 504]).toContain((await first).status);
      const outcome = await eventually(pay, (answer) => answer.status !== 409);

      expect(outcome.status).toBe(504);
      expect(outcome.body.message).toContain('being reversed');
      expect((await pay()).body).toEqual(outcome.body);
      const transactionId = String(outcome.body.transactionId);
      expect((await journalOf(amount)).map((r) => r.transactionId)).toEqual([transactionId]);
      const purchases = sentToHost('0200', de4);
      expect(purchases).toHaveLength(1);
      const reversals = await eventually(
        () => Promise.resolve(simulator.received.filter((m) => m.mti === '0400' && m.fields[90]?.startsWith(`0200${purchases[0].fields[11]}`))),
        (found) => found.length > 0,
      );
      expect(reversals).toHaveLength(1);
    } finally {
      await bridge.close();
      await served.close();
    }
  }, 40_000);
});
