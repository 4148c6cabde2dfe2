import { createCipheriv, createDecipheriv } from 'node:crypto';

import { CryptoInputError } from '../crypto-input.error';

/** AES primitives on node:crypto: the block cipher only; the modes built on it are hand-written. */
export const AES_BLOCK = 16;

const ECB_BY_KEY_LENGTH: Readonly<Record<number, string>> = { 16: 'aes-128-ecb', 24: 'aes-192-ecb', 32: 'aes-256-ecb' };

function ecb(key: Uint8Array): string {
  const algorithm = ECB_BY_KEY_LENGTH[key.length];
  if (!algorithm) throw new CryptoInputError('key', `AES key must be 16, 24 or 32 bytes, has ${key.length}`);
  return algorithm;
}

function assertBlocks(data: Uint8Array, field: string): void {
  if (data.length === 0 || data.length % AES_BLOCK !== 0) {
    throw new CryptoInputError(field, `must be whole ${AES_BLOCK}-byte blocks, has ${data.length} bytes`);
  }
}

/** AES-ECB encryption of whole blocks, no padding. */
export function aesEncryptEcb(key: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data, 'data');
  const cipher = createCipheriv(ecb(key), key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** AES-ECB decryption of whole blocks, no padding removal. */
export function aesDecryptEcb(key: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data, 'ciphertext');
  const decipher = createDecipheriv(ecb(key), key, null).setAutoPadding(false);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}
