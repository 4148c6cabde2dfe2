import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

export type RegistrySignatureAlgorithm = 'Ed25519' | 'RSA-SHA256';

/**
 * Signs a registry's bytes with the platform's registry signing key (Ed25519, or RSA with SHA-256
 * and PKCS #1 v1.5): a detached signature, the raw bytes `openssl` checks
 * (`openssl pkeyutl -verify -pubin -inkey registry-signing.pub.pem -rawin -in FILE -sigfile FILE.sig` for Ed25519,
 * `openssl dgst -sha256 -verify registry-signing.pub.pem -signature FILE.sig FILE` for RSA). Both are
 * deterministic: the same bytes give the same signature.
 */
export class RegistrySigner {
  readonly algorithm: RegistrySignatureAlgorithm;
  /** The public key as a payee is given it (SPKI PEM). */
  readonly publicKeyPem: string;
  /** SHA-256 (hex) of the public key's DER: which key signed a registry. */
  readonly keyId: string;
  private readonly privateKey: KeyObject;

  constructor(privateKeyPem: string) {
    try {
      this.privateKey = createPrivateKey(privateKeyPem);
    } catch {
      // Never the key's text or the parser's detail: either could carry key material into a log.
      throw new Error('the registry signing key is not a private key in PEM');
    }
    const type = this.privateKey.asymmetricKeyType;
    if (type !== 'ed25519' && type !== 'rsa') throw new Error(`the registry signing key must be Ed25519 or RSA, not ${type ?? 'unknown'}`);
    this.algorithm = type === 'ed25519' ? 'Ed25519' : 'RSA-SHA256';
    const publicKey = createPublicKey(this.privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
  }

  sign(bytes: Buffer): Buffer {
    return sign(this.algorithm === 'Ed25519' ? null : 'sha256', bytes, this.privateKey);
  }
}

/** What a payee does with the file, the .sig and the public key it was given. */
export function verifyRegistrySignature(bytes: Buffer, signature: Buffer, publicKeyPem: string): boolean {
  const publicKey = createPublicKey(publicKeyPem);
  return verify(publicKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', bytes, publicKey, signature);
}
