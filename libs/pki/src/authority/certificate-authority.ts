import { randomBytes, X509Certificate } from 'node:crypto';

import forge from 'node-forge';

import { PkiInputError } from '../pki-input.error';
import { checkDeviceSerial, checkServerNames, checkValidDays } from './certificate-name.rules';
import { DeviceCertificateRequest, IssuedCertificate, ServerCertificateRequest } from './issued-certificate.model';
import { generateRsaKeyPair, readRsaPrivateKey, readRsaPublicKey } from './rsa-key.util';

const DAY_MS = 86_400_000;
/** Clock skew a fresh certificate allows for: valid from five minutes before it was issued. */
const BACKDATE_MS = 5 * 60_000;

type Attributes = forge.pki.CertificateField[];

/**
 * The platform's small certificate authority (node-forge): it issues device certificates to PIN
 * pads and on-store bridges (client authentication, common name = the device's serial number) and
 * server certificates to the gateway's device listener. Revocation is the device registry's: a
 * revoked serial number is refused by `PeerCertificateVerifier` after the TLS handshake checked
 * the chain and the validity dates.
 */
export class CertificateAuthority {
  private constructor(
    private readonly certificate: forge.pki.Certificate,
    private readonly privateKey: forge.pki.rsa.PrivateKey,
  ) {}

  /** A new self-signed root. */
  static create(options: { commonName: string; organization?: string; validDays: number; now?: Date }): {
    authority: CertificateAuthority;
    certificatePem: string;
    privateKeyPem: string;
  } {
    checkValidDaysForRoot(options.validDays);
    const keys = generateRsaKeyPair(3072);
    const subject: Attributes = [{ name: 'commonName', value: options.commonName }];
    if (options.organization) subject.push({ name: 'organizationName', value: options.organization });
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = keys.publicKey;
    certificate.serialNumber = newSerialNumber();
    setValidity(certificate, options.now ?? new Date(), options.validDays);
    certificate.setSubject(subject);
    certificate.setIssuer(subject);
    certificate.setExtensions([
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    certificate.sign(keys.privateKey, forge.md.sha256.create());
    return {
      authority: new CertificateAuthority(certificate, keys.privateKey),
      certificatePem: forge.pki.certificateToPem(certificate),
      privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
    };
  }

  /** The CA from its certificate and private key (PEM), e.g. from a Secret; refuses a pair that does not match. */
  static load(certificatePem: string, privateKeyPem: string): CertificateAuthority {
    let certificate: forge.pki.Certificate;
    try {
      certificate = forge.pki.certificateFromPem(certificatePem);
    } catch {
      throw new PkiInputError('caCertificate', 'is not an RSA certificate in PEM');
    }
    const privateKey = readRsaPrivateKey('caPrivateKey', privateKeyPem);
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    if (publicKey.n.compareTo(privateKey.n) !== 0) throw new PkiInputError('caPrivateKey', 'does not belong to the CA certificate');
    if (!certificate.getExtension('basicConstraints') || !(certificate.getExtension('basicConstraints') as { cA?: boolean }).cA) {
      throw new PkiInputError('caCertificate', 'is not a CA certificate (basicConstraints cA is not set)');
    }
    return new CertificateAuthority(certificate, privateKey);
  }

  get certificatePem(): string {
    return forge.pki.certificateToPem(this.certificate);
  }

  /** A client certificate for a PIN pad or an on-store bridge. */
  issueDevice(request: DeviceCertificateRequest): IssuedCertificate {
    checkDeviceSerial('deviceSerial', request.deviceSerial);
    checkValidDays(request.validDays);
    const subject: Attributes = [{ name: 'commonName', value: request.deviceSerial }];
    if (request.shopId !== undefined) {
      checkDeviceSerial('shopId', request.shopId);
      subject.push({ name: 'organizationalUnitName', value: request.shopId });
    }
    return this.issue(subject, request, [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ]);
  }

  /** A server certificate (server authentication) for the names and addresses clients dial. */
  issueServer(request: ServerCertificateRequest): IssuedCertificate {
    const dnsNames = request.dnsNames ?? [];
    const ipAddresses = request.ipAddresses ?? [];
    checkServerNames(dnsNames, ipAddresses);
    checkValidDays(request.validDays);
    return this.issue([{ name: 'commonName', value: request.commonName }], request, [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: request.clientAuth === true },
      { name: 'subjectAltName', altNames: [...dnsNames.map((value) => ({ type: 2, value })), ...ipAddresses.map((ip) => ({ type: 7, ip }))] },
    ]);
  }

  private issue(subject: Attributes, request: { validDays: number; now?: Date; publicKeyPem?: string }, extensions: object[]): IssuedCertificate {
    const keys = request.publicKeyPem === undefined ? generateRsaKeyPair() : undefined;
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = keys?.publicKey ?? readRsaPublicKey('publicKeyPem', request.publicKeyPem ?? '');
    certificate.serialNumber = newSerialNumber();
    setValidity(certificate, request.now ?? new Date(), request.validDays);
    certificate.setSubject(subject);
    certificate.setIssuer(this.certificate.subject.attributes);
    certificate.setExtensions([
      ...extensions,
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: this.certificate.generateSubjectKeyIdentifier().getBytes() },
    ]);
    certificate.sign(this.privateKey, forge.md.sha256.create());
    const certificatePem = forge.pki.certificateToPem(certificate);
    const x509 = new X509Certificate(certificatePem);
    return {
      certificatePem,
      privateKeyPem: keys && forge.pki.privateKeyToPem(keys.privateKey),
      serialNumber: x509.serialNumber.toUpperCase(),
      subjectCommonName: String(subject[0].value),
      notBefore: certificate.validity.notBefore,
      notAfter: certificate.validity.notAfter,
      fingerprint256: x509.fingerprint256,
    };
  }
}

function checkValidDaysForRoot(validDays: number): void {
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new PkiInputError('validDays', 'a root is valid for 1 to 3650 days');
}

/** 16 random bytes, first byte 0x10-0x7F: positive, no leading zero byte, the same hex everywhere. */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x10 + (bytes[0] % 0x70);
  return bytes.toString('hex');
}

function setValidity(certificate: forge.pki.Certificate, now: Date, validDays: number): void {
  // Whole seconds: X.509 times carry no milliseconds, and the model reports what the certificate says.
  const start = Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000;
  certificate.validity.notBefore = new Date(start);
  certificate.validity.notAfter = new Date(start + BACKDATE_MS + validDays * DAY_MS);
}
