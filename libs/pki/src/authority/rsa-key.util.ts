import { generateKeyPairSync } from 'node:crypto';

import forge from 'node-forge';

import { PkiInputError } from '../pki-input.error';

const MIN_MODULUS_BITS = 2048;

/** A fresh RSA key pair made by Node's native crypto (forge's pure-JS generation takes seconds), as forge keys. */
export function generateRsaKeyPair(modulusLength = MIN_MODULUS_BITS): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { privateKey: forge.pki.privateKeyFromPem(pair.privateKey), publicKey: forge.pki.publicKeyFromPem(pair.publicKey) };
}

/** A device's own RSA public key (PEM), at least 2048 bits; anything else is refused by name. */
export function readRsaPublicKey(field: string, pem: string): forge.pki.rsa.PublicKey {
  let key: forge.pki.rsa.PublicKey;
  try {
    key = forge.pki.publicKeyFromPem(pem);
  } catch {
    throw new PkiInputError(field, 'is not an RSA public key in PEM (SubjectPublicKeyInfo)');
  }
  if (key.n.bitLength() < MIN_MODULUS_BITS) throw new PkiInputError(field, `RSA modulus of ${key.n.bitLength()} bits, at least ${MIN_MODULUS_BITS} required`);
  return key;
}

/** A CA's private key from PEM (PKCS#1 or unencrypted PKCS#8). */
export function readRsaPrivateKey(field: string, pem: string): forge.pki.rsa.PrivateKey {
  try {
    return forge.pki.privateKeyFromPem(pem);
  } catch {
    throw new PkiInputError(field, 'is not an unencrypted RSA private key in PEM');
  }
}
