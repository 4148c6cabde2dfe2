import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

import { CertificateAuthority } from '@payments/pki';

import {
  Client,
  credentials,
  loadPackageDefinition,
  makeClientConstructor,
  Metadata,
  ServiceClientConstructor,
  ServiceError,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

import { GatewayEnv, loadGatewayEnv } from '../config/gateway-env';
import { TerminalGrpcServer } from './terminal-grpc.server';
import { TerminalGrpcService } from './terminal-grpc.service';
import { loadTerminalProto } from './terminal-proto.loader';
import { PurchaseRequestMessage } from './terminal.messages';

type Unary = (request: object, metadata: Metadata, callback: (error: ServiceError | null, response: Record<string, unknown>) => void) => void;

describe(TerminalGrpcServer.name, () => {
  const received: PurchaseRequestMessage[] = [];
  const service = {
    handlers: () => ({
      Purchase: (call: { request: PurchaseRequestMessage }, callback: (error: null, response: object) => void) => {
        received.push(call.request);
        callback(null, { transaction: { transactionId: 'tx-1', status: 'TRANSACTION_STATUS_APPROVED', amount: { amountMinor: '1250', currency: 'EUR' } } });
      },
    }),
  } as unknown as TerminalGrpcService;
  const env: GatewayEnv = { ...loadGatewayEnv({}), GATEWAY_GRPC_HOST: '127.0.0.1', GATEWAY_GRPC_PORT: 0, GATEWAY_GRPC_SHUTDOWN_GRACE_MS: 1_000 };
  const sut = new TerminalGrpcServer(env, service);
  const clients: Client[] = [];

  const client = <T>(constructor: ServiceClientConstructor): Client & T => {
    const made = new constructor(`127.0.0.1:${sut.port}`, credentials.createInsecure()) as unknown as Client & T;
    clients.push(made);
    return made;
  };
  const unary = (method: Unary, request: object, metadata = new Metadata()) =>
    new Promise<{ error: ServiceError | null; response: Record<string, unknown> }>((resolve) =>
      method(request, metadata, (error, response) => resolve({ error, response })),
    );

  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    return sut.onApplicationBootstrap();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await sut.beforeApplicationShutdown();
    jest.restoreAllMocks();
  });

  it('listens on the port the system chose for GATEWAY_GRPC_PORT=0 and serves TerminalService from the .proto', async () => {
    expect(sut.port).toBeGreaterThan(0);
    const { TerminalService } = (loadPackageDefinition(loadTerminalProto()) as { payments: { terminal: { v1: Record<string, ServiceClientConstructor> } } })
      .payments.terminal.v1;
    const terminal = client<{ Purchase: Unary }>(TerminalService);

    const { error, response } = await unary(terminal.Purchase.bind(terminal), { amount: { amountMinor: '1250', currency: 'EUR' } });

    expect(error).toBeNull();
    expect(response.transaction).toMatchObject({
      transactionId: 'tx-1',
      status: 'TRANSACTION_STATUS_APPROVED',
      amount: { amountMinor: '1250', currency: 'EUR' },
    });
    // proto3 defaults as the handlers expect them: an unset message is null, an unset enum its zero name.
    expect(received[0]).toEqual({ amount: { amountMinor: '1250', currency: 'EUR' }, card: null, pin: null, entryMode: 'ENTRY_MODE_UNSPECIFIED' });
  });

  it('answers the standard health check SERVING for the server and for TerminalService', async () => {
    const health = client<{ Check: Unary }>(makeClientConstructor(healthService, 'Health'));
    for (const name of ['', 'payments.terminal.v1.TerminalService']) {
      expect((await unary(health.Check.bind(health), { service: name })).response).toEqual({ status: 'SERVING' });
    }
    expect((await unary(health.Check.bind(health), { service: 'payments.terminal.v1.Unknown' })).error?.code).toBe(GrpcStatus.NOT_FOUND);
  });

  it('stops listening on shutdown', async () => {
    const port = sut.port;
    await sut.beforeApplicationShutdown();
    const health = new (makeClientConstructor(healthService, 'Health'))(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as Client & {
      Check: Unary;
    };
    clients.push(health);
    const { error } = await unary(health.Check.bind(health), { service: '' });
    expect(error?.code).toBe(GrpcStatus.UNAVAILABLE);
  });
});

describe(`${TerminalGrpcServer.name} with GATEWAY_REGISTER_TLS=on`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'register-tls-'));
  const ca = CertificateAuthority.create({ commonName: 'register TLS test CA', validDays: 2 });
  const issued = ca.authority.issueServer({ commonName: 'gateway', ipAddresses: ['127.0.0.1'], validDays: 1 });
  const files = { TLS_CERT_FILE: join(dir, 'tls.crt'), TLS_KEY_FILE: join(dir, 'tls.key'), TLS_CA_FILE: join(dir, 'ca.crt') };
  writeFileSync(files.TLS_CERT_FILE, issued.certificatePem);
  writeFileSync(files.TLS_KEY_FILE, issued.privateKeyPem!);
  writeFileSync(files.TLS_CA_FILE, ca.certificatePem);
  const tlsEnv = (extra: Record<string, string>): GatewayEnv =>
    loadGatewayEnv({ GATEWAY_GRPC_HOST: '127.0.0.1', GATEWAY_GRPC_PORT: '0', GATEWAY_GRPC_SHUTDOWN_GRACE_MS: '100', GATEWAY_REGISTER_TLS: 'on', ...extra });
  const sut = new TerminalGrpcServer(tlsEnv(files), { handlers: () => ({}) } as unknown as TerminalGrpcService);
  const clients: Client[] = [];
  const check = async (channel: ReturnType<typeof credentials.createInsecure>): Promise<{ error: ServiceError | null; response: unknown }> => {
    const health = new (makeClientConstructor(healthService, 'Health'))(`127.0.0.1:${sut.port}`, channel) as unknown as Client & { Check: Unary };
    clients.push(health);
    return new Promise((resolve) => health.Check({ service: '' }, new Metadata(), (error, response) => resolve({ error, response })));
  };

  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    return sut.onApplicationBootstrap();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await sut.beforeApplicationShutdown();
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves registers over TLS without asking them for a certificate, and gives plaintext no answer', async () => {
    expect(await check(credentials.createSsl(Buffer.from(ca.certificatePem)))).toEqual({ error: null, response: { status: 'SERVING' } });
    expect((await check(credentials.createInsecure())).error?.code).toBe(GrpcStatus.UNAVAILABLE);
  });

  it('refuses to start without the TLS files, naming TLS_CERT_FILE', async () => {
    const missing = new TerminalGrpcServer(tlsEnv({}), { handlers: () => ({}) } as unknown as TerminalGrpcService);
    await expect(missing.onApplicationBootstrap()).rejects.toThrow(
      /TLS_CERT_FILE: required \(with TLS_KEY_FILE and TLS_CA_FILE\) when GATEWAY_REGISTER_TLS=on/,
    );
  });
});
