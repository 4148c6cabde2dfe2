import { createHash } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

import { ReadinessRegistry } from '@payments/runtime';

import { DeviceBridgeEnv, loadDeviceBridgeEnv } from '../config/device-bridge-env';
import { GatewayLinkService } from '../gateway-link/gateway-link.service';
import { LaneRegistry } from '../lanes/lane.registry';
import { PadPromptService } from '../register-api/pad-prompt.service';
import { PinPadCheckoutService } from '../register-api/pinpad-checkout.service';
import { RegisterForwardUseCase } from '../register-api/register-forward.usecase';
import { InFlightRecovery } from './in-flight.recovery';
import { LaneStateStore } from './lane-state.store';

const FORWARDED = {
  method: 'POST',
  path: '/v1/purchases',
  headers: { authorization: 'Bearer till-key', 'idempotency-key': 'till-1-0001', 'content-type': 'application/json' },
  body: '{"amount":1500,"currency":"EUR","card":{"bdkId":"b","ksn":"K","ciphertext":"C"}}',
};

describe(InFlightRecovery.name, () => {
  let dataDir: string;
  let gateway: Server;
  const received: { key: string; body: string }[] = [];
  /** Keys the gateway answers 409 for (still in progress there). */
  const stillRunning = new Set<string>();
  let env: DeviceBridgeEnv;

  /** A bridge process over DATA_DIR: what a restart builds. */
  const boot = () => {
    const store = new LaneStateStore(env);
    const link = new GatewayLinkService(env, new ReadinessRegistry());
    const forward = new RegisterForwardUseCase(new LaneRegistry(env), new PinPadCheckoutService(env), link, store, new PadPromptService(env, link));
    return { store, forward, recovery: new InFlightRecovery(env, store, forward) };
  };

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bridge-recovery-'));
    received.length = 0;
    stillRunning.clear();
    // The gateway already ran the operation: the same key and body replay its stored outcome.
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const key = String(request.headers['idempotency-key']);
        received.push({ key, body });
        if (stillRunning.has(key)) return void response.writeHead(409, { 'content-type': 'application/json' }).end('{"statusCode":409}');
        response.writeHead(201, { 'content-type': 'application/json' }).end('{"status":"approved","transactionId":"t-1"}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    env = loadDeviceBridgeEnv({
      DATA_DIR: dataDir,
      DEVICE_BRIDGE_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
      DEVICE_BRIDGE_PINPADS: JSON.stringify([
        { lane: '1', terminalId: 'T1', terminalKeySha256: createHash('sha256').update('till-key').digest('hex'), pinpad: 'tcp://127.0.0.1:9' },
      ]),
    });
  });

  afterEach(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-sends an operation a stopped bridge left sent, byte for byte with its key, and keeps the outcome for the register', async () => {
    await boot().store.begin({
      lane: '1',
      idempotencyKey: 'till-1-0001',
      requestHash: 'h1',
      phase: 'sent',
      forwarded: FORWARDED,
      startedAt: '2026-12-07T10:00:00Z',
    });
    const file = join(dataDir, 'device-bridge', 'lanes', '1.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restarted = boot();
    await restarted.recovery.onApplicationBootstrap();
    restarted.recovery.onApplicationShutdown();

    expect(received).toEqual([{ key: 'till-1-0001', body: FORWARDED.body }]);
    expect(restarted.store.inFlight()).toEqual([]);
    expect(restarted.store.completed('1', 'till-1-0001')).toMatchObject({
      status: 201,
      body: '{"status":"approved","transactionId":"t-1"}',
      requestHash: 'h1',
    });
    // Closed with its outcome: the encrypted blocks and the terminal key are gone from the file.
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain('"ciphertext"');
    expect(saved).not.toContain('till-key');
    expect(boot().store.completed('1', 'till-1-0001')?.status).toBe(201);
  });

  it('drops an operation left while the PIN pad was driven: nothing had gone to a gateway, nothing is sent', async () => {
    await boot().store.begin({ lane: '2', idempotencyKey: 'till-2-0001', requestHash: 'h2', phase: 'pad', startedAt: '2026-12-07T10:00:00Z' });
    const restarted = boot();
    await restarted.recovery.onApplicationBootstrap();
    restarted.recovery.onApplicationShutdown();
    expect(received).toEqual([]);
    expect(boot().store.inFlight()).toEqual([]);
  });

  it('keeps the operation in flight while no gateway answers', async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await boot().store.begin({
      lane: '1',
      idempotencyKey: 'till-1-0002',
      requestHash: 'h3',
      phase: 'sent',
      forwarded: FORWARDED,
      startedAt: '2026-12-07T10:00:00Z',
    });
    const restarted = boot();
    await restarted.recovery.onApplicationBootstrap();
    restarted.recovery.onApplicationShutdown();
    expect(boot().store.inFlight()).toMatchObject([{ idempotencyKey: 'till-1-0002', phase: 'sent' }]);
    gateway.listen(0); // for afterEach's close
  });

  it('lets the lane take its next operation while an earlier one has no known outcome, and keeps asking for that one', async () => {
    stillRunning.add('till-1-0001');
    const bridge = boot();
    await bridge.store.begin({
      lane: '1',
      idempotencyKey: 'till-1-0001',
      requestHash: 'h1',
      phase: 'sent',
      forwarded: FORWARDED,
      startedAt: '2026-12-07T10:00:00Z',
    });
    await bridge.recovery.onApplicationBootstrap();
    bridge.recovery.onApplicationShutdown();
    expect(bridge.store.inFlight()).toMatchObject([{ idempotencyKey: 'till-1-0001' }]);

    const next = await bridge.forward.execute({
      method: 'POST',
      url: '/v1/purchases',
      authorization: 'Bearer till-key',
      idempotencyKey: 'till-1-0002',
      body: { amount: 700, currency: 'EUR', card: { bdkId: 'b', ksn: 'K2', ciphertext: 'C2' } },
    });
    expect(next.status).toBe(201);
    expect(bridge.store.inFlight()).toMatchObject([{ idempotencyKey: 'till-1-0001', phase: 'sent' }]);
    await bridge.store.onApplicationShutdown(); // stopped: what it knows is written

    stillRunning.clear();
    const restarted = boot();
    await restarted.recovery.onApplicationBootstrap();
    restarted.recovery.onApplicationShutdown();
    expect(restarted.store.inFlight()).toEqual([]);
    expect(restarted.store.completed('1', 'till-1-0001')?.status).toBe(201);
    expect(received.map((r) => r.key)).toEqual(['till-1-0001', 'till-1-0002', 'till-1-0001']);
  });
});
