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

/** AES-CBC encryption of whole blocks under `iv` (16 bytes), no padding: each block xor the previous ciphertext, then ECB. */
export function aesEncryptCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data, 'data');
  assertIv(iv);
  const out = Buffer.alloc(data.length);
  let previous: Buffer = Buffer.from(iv);
  for (let offset = 0; offset < data.length; offset += AES_BLOCK) {
    const mixed = Buffer.alloc(AES_BLOCK);
    for (let i = 0; i < AES_BLOCK; i += 1) mixed[i] = (data[offset + i] ?? 0) ^ (previous[i] ?? 0);
    previous = aesEncryptEcb(key, mixed);
    mixed.fill(0);
    previous.copy(out, offset);
  }
  return out;
}

/** AES-CBC decryption of whole blocks under `iv` (16 bytes), no padding removal. */
export function aesDecryptCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data, 'ciphertext');
  assertIv(iv);
  const out = aesDecryptEcb(key, data);
  for (let offset = 0; offset < data.length; offset += AES_BLOCK) {
    for (let i = 0; i < AES_BLOCK; i += 1) {
      const chained = offset === 0 ? (iv[i] ?? 0) : (data[offset - AES_BLOCK + i] ?? 0);
      out[offset + i] = (out[offset + i] ?? 0) ^ chained;
    }
  }
  return out;
}

function assertIv(iv: Uint8Array): void {
  if (iv.length !== AES_BLOCK) throw new CryptoInputError('iv', `must be ${AES_BLOCK} bytes, has ${iv.length}`);
}
