import { createServer, request, Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import { CertificateAuthority } from '../authority/certificate-authority';
import { mutualTlsClientOptions, mutualTlsServerOptions } from '../tls/mutual-tls.options';
import { PeerCertificateRefused, PeerCertificateVerifier } from './peer-certificate.verifier';
import { InMemoryRevocationList } from './revocation.port';

const DAY_MS = 86_400_000;

/** A real TLS listener on loopback that serves only devices of the platform CA, as the gateway's device port does. */
describe('mutual TLS between a device and the server', () => {
  const { authority, certificatePem: caPem } = CertificateAuthority.create({ commonName: 'Payments Device CA', validDays: 3650 });
  const serverCert = authority.issueServer({ commonName: 'gateway', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], validDays: 90 });
  const revocations = new InMemoryRevocationList();
  const verifier = new PeerCertificateVerifier(revocations);
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer(
      mutualTlsServerOptions({ caPem, certificatePem: serverCert.certificatePem, privateKeyPem: serverCert.privateKeyPem! }),
      (req, res) => {
        verifier.verify(req.socket as TLSSocket).then(
          (device) => res.writeHead(200).end(`${device.deviceSerial}/${device.shopId ?? '-'}`),
          (error: PeerCertificateRefused) => res.writeHead(401).end(`${error.code}: ${error.message}`),
        );
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const call = (client: { certificatePem?: string; privateKeyPem?: string }, trust = caPem) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const options = client.certificatePem
        ? mutualTlsClientOptions({ certificatePem: client.certificatePem, privateKeyPem: client.privateKeyPem!, caPem: trust }, 'localhost')
        : { ca: trust, servername: 'localhost' };
      const req = request({ ...options, host: '127.0.0.1', port, path: '/v1/devices/me', method: 'GET', agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves a device with a valid certificate of the platform CA and knows which device it is', async () => {
    const device = authority.issueDevice({ deviceSerial: 'PP-0042', shopId: 'SHOP-7', validDays: 365 });
    expect(await call(device)).toEqual({ status: 200, body: 'PP-0042/SHOP-7' });
  });

  it('refuses a device without a certificate', async () => {
    expect(await call({})).toEqual({ status: 401, body: expect.stringMatching(/^no-certificate: no client certificate/) });
  });

  it('refuses an expired certificate, saying when it expired', async () => {
    const expired = authority.issueDevice({ deviceSerial: 'PP-0043', validDays: 30, now: new Date(Date.now() - 400 * DAY_MS) });
    const answer = await call(expired);
    expect(answer.status).toBe(401);
    expect(answer.body).toBe(`expired: certificate ${expired.serialNumber} expired on ${expired.notAfter.toISOString()}`);
  });

  it('refuses a certificate of another CA', async () => {
    const foreign = CertificateAuthority.create({ commonName: 'Someone Else CA', validDays: 30 }).authority.issueDevice({
      deviceSerial: 'PP-0042',
      validDays: 30,
    });
    expect(await call(foreign)).toEqual({
      status: 401,
      body: expect.stringMatching(/^untrusted-issuer: certificate [0-9A-F]+ is not issued by the platform CA/),
    });
  });

  it('refuses a revoked certificate, with the reason, while the device next to it still works', async () => {
    const stolen = authority.issueDevice({ deviceSerial: 'PP-0044', validDays: 365 });
    const neighbour = authority.issueDevice({ deviceSerial: 'PP-0045', validDays: 365 });
    revocations.revoke(stolen.serialNumber.toLowerCase(), 'device reported stolen');

    expect(await call(stolen)).toEqual({
      status: 401,
      body: expect.stringMatching(new RegExp(`^revoked: certificate ${stolen.serialNumber} was revoked on .*: device reported stolen$`)),
    });
    expect((await call(neighbour)).status).toBe(200);
  });

  it('refuses a server certificate presented by a client', async () => {
    const other = authority.issueServer({ commonName: 'not-a-device', dnsNames: ['localhost'], validDays: 30 });
    expect(await call(other)).toEqual({ status: 401, body: expect.stringMatching(/^not-a-client-certificate: /) });
  });

  it('lets the device refuse a server whose certificate it does not trust', async () => {
    const device = authority.issueDevice({ deviceSerial: 'PP-0046', validDays: 30 });
    const strangerCa = CertificateAuthority.create({ commonName: 'Stranger', validDays: 30 }).certificatePem;
    await expect(call(device, strangerCa)).rejects.toThrow(/self.signed|unable to verify|unable to get/i);
  });

  it('checks the dates again on a long-lived connection', async () => {
    const device = authority.issueDevice({ deviceSerial: 'PP-0047', validDays: 1 });
    const later = new PeerCertificateVerifier(revocations, () => new Date(Date.now() + 2 * DAY_MS));
    const socket = {
      authorized: true,
      authorizationError: null,
      getPeerCertificate: () => ({
        subject: { CN: 'PP-0047' },
        valid_from: device.notBefore.toUTCString(),
        valid_to: device.notAfter.toUTCString(),
        serialNumber: device.serialNumber,
        ext_key_usage: ['1.3.6.1.5.5.7.3.2'],
      }),
    } as unknown as TLSSocket;
    await expect(later.verify(socket)).rejects.toMatchObject({ code: 'expired' });
  });
});
