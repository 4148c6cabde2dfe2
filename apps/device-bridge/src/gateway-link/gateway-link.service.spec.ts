import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ReadinessRegistry } from '@payments/runtime';

import { loadDeviceBridgeEnv } from '../config/device-bridge-env';
import { GatewayUnreachableError } from './gateway-request.model';
import { GatewayLinkService } from './gateway-link.service';

/** A gateway stand-in on a loopback port: records each operation's Idempotency-Key, answers 201 (or stalls). */
class FakeGateway {
  readonly keys: string[] = [];
  stall = false;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((request: IncomingMessage, response) => {
      if (request.url === '/health/live') return void response.end('{"status":"ok"}');
      this.keys.push(String(request.headers['idempotency-key']));
      if (this.stall) return;
      if (request.url === '/v1/broken') return void response.writeHead(502, { 'content-type': 'application/json' }).end('{"statusCode":502}');
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'approved', port: this.port }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const purchase = (key: string) => ({
  method: 'POST',
  path: '/v1/purchases',
  headers: { 'idempotency-key': key, 'content-type': 'application/json' },
  body: '{"amount":100}',
});

describe(GatewayLinkService.name, () => {
  let primary: FakeGateway;
  let backup: FakeGateway;
  let sut: GatewayLinkService;

  beforeEach(async () => {
    primary = new FakeGateway();
    backup = new FakeGateway();
    await primary.start();
    await backup.start();
    sut = new GatewayLinkService(
      loadDeviceBridgeEnv({
        DEVICE_BRIDGE_GATEWAY_URL: primary.url,
        DEVICE_BRIDGE_BACKUP_GATEWAY_URL: backup.url,
        DEVICE_BRIDGE_OPERATION_TIMEOUT_MS: '300',
        DEVICE_BRIDGE_PROBE_INTERVAL_MS: '50',
      }),
      new ReadinessRegistry(),
    );
    sut.onModuleInit();
  });

  afterEach(async () => {
    sut.onApplicationShutdown();
    await primary.stop();
    await backup.stop();
  });

  it('sends to the primary while it answers', async () => {
    const answer = await sut.send(purchase('key-00000001'));
    expect(answer).toMatchObject({ status: 201, gateway: primary.url });
    expect(primary.keys).toEqual(['key-00000001']);
    expect(backup.keys).toEqual([]);
  });

  it('sends the same request with the same Idempotency-Key to the backup when the primary refuses connections, once', async () => {
    await primary.stop();
    const answer = await sut.send(purchase('key-00000002'));
    expect(answer).toMatchObject({ status: 201, gateway: backup.url });
    expect(backup.keys).toEqual(['key-00000002']);
    // The next operation goes straight to the backup while the primary is down.
    await sut.send(purchase('key-00000003'));
    expect(backup.keys).toEqual(['key-00000002', 'key-00000003']);
    expect(sut.current).toBe(backup.url);
  });

  it('moves on to the backup when the primary took the request but missed the deadline', async () => {
    primary.stall = true;
    const answer = await sut.send(purchase('key-00000004'));
    expect(answer.gateway).toBe(backup.url);
    expect(primary.keys).toEqual(['key-00000004']);
    expect(backup.keys).toEqual(['key-00000004']);
  });

  it('switches back to the primary once its probe answers again', async () => {
    const port = primary.port;
    await primary.stop();
    await sut.send(purchase('key-00000005'));
    expect(sut.current).toBe(backup.url);

    await primary.start(port);
    const deadline = Date.now() + 2_000;
    while (sut.current !== primary.url && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sut.current).toBe(primary.url);
    expect((await sut.send(purchase('key-00000006'))).gateway).toBe(primary.url);
    expect(backup.keys).toEqual(['key-00000005']);
  });

  it('fails naming both gateways when neither answers, having sent the request to each once', async () => {
    primary.stall = true;
    await backup.stop();
    const failure = sut.send(purchase('key-00000007'));
    await expect(failure).rejects.toThrow(GatewayUnreachableError);
    await expect(failure).rejects.toThrow(/no answer within the deadline.*ECONNREFUSED/);
    expect(primary.keys).toEqual(['key-00000007']);
  });

  it('returns a gateway error answer as it is, without failing over', async () => {
    const answer = await sut.send({ method: 'GET', path: '/v1/broken', headers: {} });
    expect(answer).toMatchObject({ status: 502, body: '{"statusCode":502}', gateway: primary.url });
    expect(backup.keys).toEqual([]);
  });
});
