import type { PeerCertificate, TLSSocket } from 'node:tls';

import { RevocationSource } from './revocation.port';

/** The device a verified client certificate names. */
export interface VerifiedDevice {
  readonly deviceSerial: string;
  readonly shopId?: string;
  readonly serialNumber: string;
  readonly notAfter: Date;
}

export type PeerRefusalCode = 'no-certificate' | 'expired' | 'not-yet-valid' | 'untrusted-issuer' | 'revoked' | 'not-a-client-certificate';

/** A client certificate the server does not accept, with a reason a support engineer can act on. */
export class PeerCertificateRefused extends Error {
  override readonly name = 'PeerCertificateRefused';

  constructor(
    readonly code: PeerRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

/**
 * Checks the client certificate of a mutual-TLS connection after the handshake. The listener
 * requests a certificate without rejecting in the handshake (`rejectUnauthorized: false`), so a
 * device with an expired, foreign or revoked certificate gets a clear refusal instead of a TLS
 * alert; every request on such a connection is refused, none is served.
 */
export class PeerCertificateVerifier {
  constructor(
    private readonly revocations: RevocationSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(socket: TLSSocket): Promise<VerifiedDevice> {
    const peer = socket.getPeerCertificate();
    if (!peer || Object.keys(peer).length === 0)
      throw new PeerCertificateRefused('no-certificate', 'no client certificate: this listener takes devices with a certificate of the platform CA');
    const notAfter = new Date(peer.valid_to);
    const notBefore = new Date(peer.valid_from);
    const serial = peer.serialNumber.toUpperCase();
    if (!socket.authorized) throw refusalFor(String(socket.authorizationError), serial, notBefore, notAfter);
    // Node checked the dates at the handshake; a long-lived connection is checked again per request.
    const now = this.now();
    if (now > notAfter) throw refusalFor('CERT_HAS_EXPIRED', serial, notBefore, notAfter);
    if (now < notBefore) throw refusalFor('CERT_NOT_YET_VALID', serial, notBefore, notAfter);
    if (!(peer.ext_key_usage ?? []).includes(CLIENT_AUTH_OID)) {
      throw new PeerCertificateRefused('not-a-client-certificate', `certificate ${serial} is not issued for client authentication`);
    }
    const revocation = await this.revocations.revocationOf(serial);
    if (revocation)
      throw new PeerCertificateRefused('revoked', `certificate ${serial} was revoked on ${revocation.revokedAt.toISOString()}: ${revocation.reason}`);
    return { deviceSerial: firstValue(peer.subject.CN), shopId: peer.subject.OU ? firstValue(peer.subject.OU) : undefined, serialNumber: serial, notAfter };
  }
}

function refusalFor(opensslCode: string, serial: string, notBefore: Date, notAfter: Date): PeerCertificateRefused {
  switch (opensslCode) {
    case 'CERT_HAS_EXPIRED':
      return new PeerCertificateRefused('expired', `certificate ${serial} expired on ${notAfter.toISOString()}`);
    case 'CERT_NOT_YET_VALID':
      return new PeerCertificateRefused('not-yet-valid', `certificate ${serial} is valid only from ${notBefore.toISOString()}`);
    case 'INVALID_PURPOSE':
    case 'UNSUPPORTED_CERTIFICATE_PURPOSE':
      return new PeerCertificateRefused('not-a-client-certificate', `certificate ${serial} is not issued for client authentication`);
    default:
      return new PeerCertificateRefused('untrusted-issuer', `certificate ${serial} is not issued by the platform CA (${opensslCode})`);
  }
}

function firstValue(value: PeerCertificate['subject'][string]): string {
  return Array.isArray(value) ? String(value[0]) : String(value);
}
