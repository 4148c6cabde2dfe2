import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CertificateAuthority } from '@payments/pki';

import { Client, credentials, Metadata, ServiceError } from '@grpc/grpc-js';

import { httpsGet, internalGrpcEnv } from '../support/distributed-platform';
import { OPERATOR_KEY, PlatformUnderTest, startDistributed } from '../support/platform-under-test';
import { RegisterClient } from '../support/register.client';

/**
 * TLS between the seven processes, from one certificate of a throwaway CA (server and client
 * usages, as a cert-manager Certificate for the release): a purchase crosses gateway ->
 * authorization -> antifraud over mutual TLS; the internal ports answer only TLS, the gRPC ones
 * only callers with a certificate. The gateway's register port stays plaintext (the ingress ends TLS).
 */
describe('TLS between the services (distributed mode)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-internal-tls-'));
  const ca = CertificateAuthority.create({ commonName: 'payments e2e internal CA', validDays: 2 });
  const issued = ca.authority.issueServer({
    commonName: 'payments-internal',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
    clientAuth: true,
    validDays: 1,
  });
  const files = { TLS_CERT_FILE: join(dir, 'tls.crt'), TLS_KEY_FILE: join(dir, 'tls.key'), TLS_CA_FILE: join(dir, 'ca.crt') };
  writeFileSync(files.TLS_CERT_FILE, issued.certificatePem);
  writeFileSync(files.TLS_KEY_FILE, issued.privateKeyPem!);
  writeFileSync(files.TLS_CA_FILE, ca.certificatePem);
  const authorizationGrpc = `127.0.0.1:${internalGrpcEnv(Number(process.env.E2E_PORT_OFFSET ?? 100)).AUTHORIZATION_GRPC_PORT}`;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startDistributed({ env: { ...files, TLS_CLIENT_AUTH: 'require' } });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('approves a purchase whose authorization and antifraud calls run over mutual TLS, journaled behind HTTPS', async () => {
    const register = new RegisterClient(platform.gatewayUrl);
    const result = await register.purchase({ amount: 1250, currency: 'EUR', card: register.card('4242424242424242') });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'approved', responseCode: '00' });

    expect(platform.authorizationUrl).toMatch(/^https:/);
    const journal = await httpsGet(`${platform.authorizationUrl}/v1/journal/transactions/${String(result.body.transactionId)}`, ca.certificatePem, {
      authorization: `Bearer ${OPERATOR_KEY}`,
    });
    expect(journal.status).toBe(200);
    expect(JSON.parse(journal.text)).toMatchObject({ status: 'approved', responseCode: '00' });
    // The gateway's operator port (its metrics) is HTTPS too.
    expect((await httpsGet(platform.metricsUrl, ca.certificatePem)).status).toBe(200);
  }, 40_000);

  it('gives a plaintext HTTP client of an internal port no answer', async () => {
    await expect(fetch(`${platform.authorizationUrl.replace('https:', 'http:')}/health/ready`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });

  it('answers internal gRPC only to callers with a certificate of the CA', async () => {
    const withCertificate = credentials.createSsl(Buffer.from(ca.certificatePem), Buffer.from(issued.privateKeyPem!), Buffer.from(issued.certificatePem));
    expect(await healthCheck(authorizationGrpc, withCertificate)).toBe('answered');
    expect(await healthCheck(authorizationGrpc, credentials.createSsl(Buffer.from(ca.certificatePem)))).toMatch(/^refused/);
    expect(await healthCheck(authorizationGrpc, credentials.createInsecure())).toMatch(/^refused/);
  });
});

/** grpc.health.v1.Health/Check for the whole server (an empty request), as a client that is not ours. */
function healthCheck(address: string, channel: ReturnType<typeof credentials.createInsecure>): Promise<string> {
  const client = new Client(address, channel);
  return new Promise((resolve) =>
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      () => Buffer.alloc(0),
      (bytes: Buffer) => bytes,
      {},
      new Metadata(),
      { deadline: Date.now() + 2_000 },
      (error: ServiceError | null) => {
        client.close();
        resolve(error ? `refused (${error.code})` : 'answered');
      },
    ),
  );
}
