import type { ConnectionOptions, TlsOptions } from 'node:tls';

/** What one side of a mutual-TLS link holds: its certificate and key, and the CA it trusts. */
export interface TlsIdentity {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly caPem: string;
}

/**
 * A listener for devices: asks every client for a certificate but decides after the handshake
 * (`PeerCertificateVerifier`), so refusals are explained rather than a bare TLS alert.
 */
export function mutualTlsServerOptions(identity: TlsIdentity): TlsOptions {
  return {
    key: identity.privateKeyPem,
    cert: identity.certificatePem,
    ca: identity.caPem,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
  };
}

/** A device dialling the server: presents its certificate and trusts only the platform CA. */
export function mutualTlsClientOptions(identity: TlsIdentity, servername?: string): ConnectionOptions {
  return { key: identity.privateKeyPem, cert: identity.certificatePem, ca: identity.caPem, servername, minVersion: 'TLSv1.2' };
}
