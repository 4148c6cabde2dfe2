import { randomUUID, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, PeerCertificate } from 'node:tls';

import { Controller, Get, INestApplication, Module } from '@nestjs/common';

import { AssessReply, AssessRequest, assessRpc, locateProtoRoot, rpcPathOf } from '@payments/contracts';
import { ConfigError } from '@payments/config';
import { CertificateAuthority, IssuedCertificate } from '@payments/pki';
import { GrpcRpc, RpcDeadlineError } from '@payments/rpc';

import { Client, credentials, MethodDefinition, Metadata, ServiceDefinition, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

import { createNestApp } from '../bootstrap/nest-app.factory';
import { OperatorListener } from '../operator/operator-listener';
import { InternalTlsEnv } from './internal-tls.env';
import { TlsFiles } from './tls-files';

/**
 * The internal TLS as the services run it: TlsFiles from the TLS_* variables, the internal gRPC
 * (GrpcRpc) and the HTTP listeners (createNestApp, OperatorListener) on 127.0.0.1, with
 * certificates of a throwaway CA.
 */
const REFRESH_MS = 200;
const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

@Controller('ping')
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

interface Pem {
  readonly cert: string;
  readonly key: string;
}

const ca = CertificateAuthority.create({ commonName: 'payments internal test CA', validDays: 2 });
const otherCa = CertificateAuthority.create({ commonName: 'someone else', validDays: 2 });
const serviceName = { commonName: 'payments-internal', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], validDays: 1, clientAuth: true };
const service = pemOf(ca.authority.issueServer(serviceName));
const renewed = pemOf(ca.authority.issueServer(serviceName));
const impostor = pemOf(otherCa.authority.issueServer(serviceName));
const caller = pemOf(ca.authority.issueServer({ ...serviceName, commonName: 'payments-caller' }));

const request = (): AssessRequest => ({
  transactionId: randomUUID(),
  terminalId: 'T1',
  merchantId: 'M1',
  amountMinor: '1250',
  currency: 'EUR',
  cardToken: 'tok_a',
  cardScheme: 'visa',
});

describe('internal TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'internal-tls-'));
  let files = 0;
  const stops: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The TLS_* variables for a fresh folder holding this identity and CA, as a Secret volume would. */
  function envOf(identity: Pem, caPem: string, clientAuth: 'require' | 'off' = 'require'): InternalTlsEnv {
    const folder = join(dir, String((files += 1)));
    mkdirSync(folder);
    return writeIdentity(folder, identity, caPem, clientAuth);
  }

  function writeIdentity(folder: string, identity: Pem, caPem: string, clientAuth: 'require' | 'off' = 'require'): InternalTlsEnv {
    writeFileSync(join(folder, 'tls.crt'), identity.cert);
    writeFileSync(join(folder, 'tls.key'), identity.key);
    writeFileSync(join(folder, 'ca.crt'), caPem);
    return { TLS_CERT_FILE: join(folder, 'tls.crt'), TLS_KEY_FILE: join(folder, 'tls.key'), TLS_CA_FILE: join(folder, 'ca.crt'), TLS_CLIENT_AUTH: clientAuth };
  }

  async function grpcServer(env: InternalTlsEnv): Promise<{ address: string; handled: AssessRequest[] }> {
    const handled: AssessRequest[] = [];
    const server = new GrpcRpc({ listen: { host: '127.0.0.1', port: 0 }, shutdownGraceMs: 100, tls: TlsFiles.fromEnv(env, REFRESH_MS)!.grpc });
    server.serve(assessRpc, (r) => {
      handled.push(r);
      return Promise.resolve({ transactionId: r.transactionId, decision: 'allow' as const, reasons: [] });
    });
    await server.start();
    stops.push(() => server.stop());
    return { address: `127.0.0.1:${server.port}`, handled };
  }

  function grpcClient(address: string, env: InternalTlsEnv): GrpcRpc {
    const client = new GrpcRpc({ endpoints: { [assessRpc.service]: address }, tls: TlsFiles.fromEnv(env)!.grpc });
    stops.push(() => client.stop());
    return client;
  }

  /** A client that is not ours: gRPC with the given channel credentials, one call, its error or reply. */
  function rawCall(address: string, channel: ReturnType<typeof credentials.createInsecure>): Promise<ServiceError | AssessReply> {
    const client = new Client(address, channel);
    const method = assessMethod();
    return new Promise((resolve) =>
      client.makeUnaryRequest(
        rpcPathOf(assessRpc),
        method.requestSerialize,
        method.responseDeserialize,
        request(),
        new Metadata(),
        { deadline: Date.now() + 1_500 },
        (error, reply) => {
          client.close();
          resolve(error ?? reply!);
        },
      ),
    );
  }

  describe('gRPC between services (mutual TLS)', () => {
    let server: { address: string; handled: AssessRequest[] };

    beforeAll(async () => {
      server = await grpcServer(envOf(service, ca.certificatePem));
    });

    it('answers a caller that trusts the CA and presents a certificate of it', async () => {
      const client = grpcClient(server.address, envOf(caller, ca.certificatePem));
      const sent = request();
      const reply = await client.call(assessRpc, sent, { deadlineAt: Date.now() + 3_000 });
      expect(reply).toMatchObject({ transactionId: sent.transactionId, decision: 'allow' });
    });

    it('refuses a caller without a certificate, before any handler runs', async () => {
      const before = server.handled.length;
      const outcome = await rawCall(server.address, credentials.createSsl(Buffer.from(ca.certificatePem)));
      expect(outcome).toMatchObject({ code: expect.any(Number) });
      expect((outcome as ServiceError).code).not.toBe(status.OK);
      expect(server.handled).toHaveLength(before);
    });

    it('gives a plaintext caller no answer', async () => {
      const before = server.handled.length;
      const outcome = await rawCall(server.address, credentials.createInsecure());
      expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.INTERNAL]).toContain((outcome as ServiceError).code);
      expect(server.handled).toHaveLength(before);
    });

    it('makes the caller refuse a server whose certificate another CA issued', async () => {
      const fake = await grpcServer(envOf(impostor, otherCa.certificatePem));
      const client = grpcClient(fake.address, envOf(caller, ca.certificatePem));
      // The client never gets a connection it trusts: the call waits for one until its deadline.
      await expect(client.call(assessRpc, request(), { deadlineAt: Date.now() + 1_500 })).rejects.toThrow(RpcDeadlineError);
      expect(fake.handled).toHaveLength(0);
    });

    it('with TLS_CLIENT_AUTH=off, answers a caller that only checks the server', async () => {
      const open = await grpcServer(envOf(service, ca.certificatePem, 'off'));
      const outcome = await rawCall(open.address, credentials.createSsl(Buffer.from(ca.certificatePem)));
      expect(outcome).toMatchObject({ decision: 'allow' });
      expect(open.handled).toHaveLength(1);
    });

    it('serves a renewed certificate once the files change, without a restart', async () => {
      const folder = join(dir, 'rotating-grpc');
      mkdirSync(folder);
      const env = writeIdentity(folder, service, ca.certificatePem);
      const rotating = await grpcServer(env);
      const port = Number(rotating.address.split(':')[1]);
      expect((await peerCertificateOf(port, 'h2')).serialNumber).toBe(serialOf(service));
      writeIdentity(folder, renewed, ca.certificatePem);
      await waitFor(async () => (await peerCertificateOf(port, 'h2')).serialNumber === serialOf(renewed));
      const client = grpcClient(rotating.address, envOf(caller, ca.certificatePem));
      await expect(client.call(assessRpc, request(), { deadlineAt: Date.now() + 3_000 })).resolves.toMatchObject({ decision: 'allow' });
    });
  });

  describe('HTTP listeners (main and operator port)', () => {
    let app: INestApplication;
    let mainPort: number;
    let operatorPort: number;
    const folder = join(dir, 'rotating-https');

    beforeAll(async () => {
      mkdirSync(folder);
      const tls = TlsFiles.fromEnv(writeIdentity(folder, service, ca.certificatePem), REFRESH_MS)!;
      const listener = new OperatorListener();
      app = await createNestApp(PingModule, { title: 'ping', logger: silent, tls });
      await app.init();
      await listener.open(app, 0, '127.0.0.1', tls);
      await app.listen(0, '127.0.0.1');
      mainPort = ((app.getHttpServer() as Server).address() as AddressInfo).port;
      operatorPort = listener.port!;
    });

    afterAll(async () => {
      await app?.close();
    });

    it('serve HTTPS to a client that trusts the CA, without asking it for a certificate', async () => {
      for (const port of [mainPort, operatorPort]) {
        await expect(httpsGet(port, ca.certificatePem)).resolves.toEqual({ status: 200, body: '{"pong":true}' });
      }
    });

    it('are refused by a client that trusts another CA', async () => {
      await expect(httpsGet(mainPort, otherCa.certificatePem)).rejects.toThrow(/certificate/i);
    });

    it('give a plaintext HTTP client no answer', async () => {
      for (const port of [mainPort, operatorPort]) await expect(plainGet(port)).rejects.toThrow();
    });

    it('serve a renewed certificate once the files change', async () => {
      expect((await peerCertificateOf(mainPort)).serialNumber).toBe(serialOf(service));
      writeIdentity(folder, renewed, ca.certificatePem);
      for (const port of [mainPort, operatorPort]) {
        await waitFor(async () => (await peerCertificateOf(port)).serialNumber === serialOf(renewed));
      }
      await expect(httpsGet(operatorPort, ca.certificatePem)).resolves.toMatchObject({ status: 200 });
    });
  });

  describe('configuration, checked at boot', () => {
    const complete = (): InternalTlsEnv => envOf(service, ca.certificatePem);

    it('is off when no file is named', () => {
      expect(TlsFiles.fromEnv({ TLS_CLIENT_AUTH: 'require' })).toBeUndefined();
    });

    it('names the missing variables when only some files are named', () => {
      const { TLS_CERT_FILE } = complete();
      expect(() => TlsFiles.fromEnv({ TLS_CERT_FILE, TLS_CLIENT_AUTH: 'require' })).toThrow(ConfigError);
      expect(() => TlsFiles.fromEnv({ TLS_CERT_FILE, TLS_CLIENT_AUTH: 'require' })).toThrow(/TLS_KEY_FILE: required[\s\S]*TLS_CA_FILE: required/);
    });

    it('names TLS_KEY_FILE when the key does not belong to the certificate', () => {
      const env = { ...complete(), TLS_KEY_FILE: envOf(impostor, ca.certificatePem).TLS_KEY_FILE };
      expect(() => TlsFiles.fromEnv(env)).toThrow(/TLS_KEY_FILE: key file holds a key that does not belong/);
    });

    it('names TLS_CA_FILE when it is no CA certificate, and TLS_CERT_FILE when it cannot be read', () => {
      const env = complete();
      expect(() => TlsFiles.fromEnv({ ...env, TLS_CA_FILE: env.TLS_CERT_FILE })).toThrow(/TLS_CA_FILE: is not a CA certificate/);
      expect(() => TlsFiles.fromEnv({ ...env, TLS_CERT_FILE: join(dir, 'missing.crt') })).toThrow(/TLS_CERT_FILE: cannot read the certificate file \(ENOENT\)/);
    });

    it('requires the files where TLS is asked for, naming TLS_CERT_FILE', () => {
      expect(() => TlsFiles.required({ TLS_CLIENT_AUTH: 'require' }, 'when GATEWAY_REGISTER_TLS=on')).toThrow(
        /TLS_CERT_FILE: required \(with TLS_KEY_FILE and TLS_CA_FILE\) when GATEWAY_REGISTER_TLS=on/,
      );
    });
  });
});

/** Assess as the internal proto defines it, for a client that is not a GrpcRpc. */
function assessMethod(): MethodDefinition<AssessRequest, AssessReply> {
  const definition = loadSync(assessRpc.protoFile, { keepCase: true, enums: String, longs: String, includeDirs: [locateProtoRoot(assessRpc.protoFile)] });
  const service = definition[assessRpc.service] as ServiceDefinition;
  return service[assessRpc.method] as MethodDefinition<AssessRequest, AssessReply>;
}

function pemOf(issued: IssuedCertificate): Pem {
  return { cert: issued.certificatePem, key: issued.privateKeyPem! };
}

function serialOf(identity: Pem): string {
  return new X509Certificate(identity.cert).serialNumber.toUpperCase();
}

/** The certificate a server on 127.0.0.1 presents (checked against no CA: only read). */
function peerCertificateOf(port: number, alpn?: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ALPNProtocols: alpn ? [alpn] : undefined, ...pemOfCaller() }, () => {
      const certificate = socket.getPeerCertificate();
      socket.end();
      resolve(certificate);
    });
    socket.once('error', reject);
  });
}

function pemOfCaller(): { cert: string; key: string } {
  return { cert: caller.cert, key: caller.key };
}

function httpsGet(port: number, caPem: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path: '/ping', ca: caPem, agent: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function plainGet(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/ping', agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
