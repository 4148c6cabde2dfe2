/** A certificate the CA issued, as the PEM a TLS stack takes, with what an operator reads off it. */
export interface IssuedCertificate {
  readonly certificatePem: string;
  /** Present when the CA made the key pair; absent when it signed a public key it was given. */
  readonly privateKeyPem?: string;
  /** Upper-case hex, as `tls.TLSSocket#getPeerCertificate().serialNumber` reports it. */
  readonly serialNumber: string;
  readonly subjectCommonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the DER, upper-case hex with colons, as Node's `fingerprint256`. */
  readonly fingerprint256: string;
}

/** What a device certificate names: the PIN pad or bridge (its serial number) and where it stands. */
export interface DeviceCertificateRequest {
  /** The device's serial number: the certificate's common name, how the server finds it in its registry. */
  readonly deviceSerial: string;
  /** The shop (organizational unit), optional. */
  readonly shopId?: string;
  readonly validDays: number;
  /** A public key the device made itself (PEM); without it the CA makes the key pair. */
  readonly publicKeyPem?: string;
  /** The issue time; defaults to now (tests issue already-expired certificates with it). */
  readonly now?: Date;
}

/** A server certificate: the names clients dial. */
export interface ServerCertificateRequest {
  readonly commonName: string;
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  /** Also a client certificate (mutual TLS between services, one certificate for both ends); default false. */
  readonly clientAuth?: boolean;
  readonly validDays: number;
  readonly now?: Date;
}
