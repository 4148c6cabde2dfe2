import { X509Certificate } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';

import { CertificateAuthority } from './certificate-authority';

describe('CertificateAuthority (node-forge)', () => {
  const {
    authority,
    certificatePem: caPem,
    privateKeyPem: caKeyPem,
  } = CertificateAuthority.create({ commonName: 'Payments Device CA', organization: 'Payments', validDays: 3650 });
  const ca = new X509Certificate(caPem);

  it('makes a self-signed CA certificate that OpenSSL reads as a CA', () => {
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Payments Device CA');
    expect(ca.verify(ca.publicKey)).toBe(true);
  });

  it('issues a device certificate for client authentication, named by the device serial and shop, signed by the CA', () => {
    const issued = authority.issueDevice({ deviceSerial: 'PP-0042', shopId: 'SHOP-7', validDays: 365 });
    const cert = new X509Certificate(issued.certificatePem);

    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.subject.split('\n')).toEqual(expect.arrayContaining(['CN=PP-0042', 'OU=SHOP-7']));
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(issued.serialNumber).toBe(cert.serialNumber.toUpperCase());
    expect(issued.fingerprint256).toBe(cert.fingerprint256);
    expect(issued.privateKeyPem).toContain('BEGIN RSA PRIVATE KEY');
    expect(new Date(cert.validTo).getTime() - issued.notBefore.getTime()).toBe(365 * 86_400_000 + 300_000);
  });

  it('gives every certificate its own positive serial number', () => {
    const serials = new Set(
      Array.from({ length: 5 }, () => authority.issueDevice({ deviceSerial: 'PP-1', validDays: 1, publicKeyPem: devicePublicKey() }).serialNumber),
    );
    expect(serials.size).toBe(5);
    for (const serial of serials) expect(serial).toMatch(/^[1-7][0-9A-F]{31}$/);
  });

  it('signs a public key the device made itself and returns no private key', () => {
    const publicKeyPem = devicePublicKey();
    const issued = authority.issueDevice({ deviceSerial: 'PP-0043', validDays: 30, publicKeyPem });
    expect(issued.privateKeyPem).toBeUndefined();
    expect(new X509Certificate(issued.certificatePem).publicKey.export({ type: 'spki', format: 'pem' })).toBe(publicKeyPem);
  });

  it('issues a server certificate for the names and addresses clients dial', () => {
    const issued = authority.issueServer({
      commonName: 'gateway',
      dnsNames: ['gateway.payments.svc', 'localhost'],
      ipAddresses: ['127.0.0.1', '::1'],
      validDays: 90,
    });
    const cert = new X509Certificate(issued.certificatePem);
    expect(cert.subjectAltName).toBe('DNS:gateway.payments.svc, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(cert.checkHost('gateway.payments.svc')).toBe('gateway.payments.svc');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('issues a service certificate that is also a client certificate when asked (mutual TLS between services)', () => {
    const issued = authority.issueServer({ commonName: 'payments-internal', dnsNames: ['payments-authorization-grpc'], clientAuth: true, validDays: 90 });
    expect(new X509Certificate(issued.certificatePem).keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  it('refuses bad requests by name', () => {
    expect(() => authority.issueDevice({ deviceSerial: 'PP 42', validDays: 30 })).toThrow('deviceSerial: must be 1-64 letters');
    expect(() => authority.issueDevice({ deviceSerial: 'PP-42', validDays: 0 })).toThrow('validDays: must be a whole number of days from 1 to 825');
    expect(() => authority.issueDevice({ deviceSerial: 'PP-42', validDays: 30, publicKeyPem: 'nonsense' })).toThrow('publicKeyPem: is not an RSA public key');
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => authority.issueDevice({ deviceSerial: 'PP-42', validDays: 30, publicKeyPem: weak })).toThrow(
      'publicKeyPem: RSA modulus of 1024 bits, at least 2048 required',
    );
    expect(() => authority.issueServer({ commonName: 'gw', validDays: 30 })).toThrow('dnsNames: a server certificate names at least one');
    expect(() => authority.issueServer({ commonName: 'gw', ipAddresses: ['300.1.1.1'], validDays: 30 })).toThrow(
      'ipAddresses: "300.1.1.1" is not an IP address',
    );
  });

  it('loads the CA back from its PEM pair and refuses a key of another CA', () => {
    const loaded = CertificateAuthority.load(caPem, caKeyPem);
    const issued = loaded.issueDevice({ deviceSerial: 'PP-0044', validDays: 30 });
    expect(new X509Certificate(issued.certificatePem).verify(ca.publicKey)).toBe(true);

    const other = CertificateAuthority.create({ commonName: 'Other CA', validDays: 30 });
    expect(() => CertificateAuthority.load(caPem, other.privateKeyPem)).toThrow('caPrivateKey: does not belong to the CA certificate');
    expect(() => CertificateAuthority.load(issued.certificatePem, caKeyPem)).toThrow('caPrivateKey: does not belong');
  });
});

function devicePublicKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
