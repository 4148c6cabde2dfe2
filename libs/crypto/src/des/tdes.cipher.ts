import { createCipheriv, createDecipheriv } from 'node:crypto';

import { CryptoInputError } from '../crypto-input.error';

/**
 * DES primitives on node:crypto. OpenSSL 3 moved single DES (`des-ecb`) to the legacy provider,
 * but `des-ede3` / `des-ede3-cbc` stay in the default one; single DES is computed as EDE with
 * K1 = K2 = K3, which is mathematically the same cipher (ANSI X9.52 backward compatibility).
 */
const BLOCK = 8;
const ZERO_IV = Buffer.alloc(BLOCK);

/** 16-byte (double-length, K1 K2 K1) or 24-byte keys expand to the 24 bytes OpenSSL takes. */
function tdesKey(key: Uint8Array): Buffer {
  if (key.length === 16) return Buffer.concat([key, key.subarray(0, 8)]);
  if (key.length === 24) return Buffer.from(key);
  throw new CryptoInputError('key', `TDES key must be 16 or 24 bytes, has ${key.length}`);
}

function assertBlocks(data: Uint8Array, field: string): void {
  if (data.length % BLOCK !== 0) {
    throw new CryptoInputError(field, `must be a multiple of ${BLOCK} bytes, has ${data.length}`);
  }
}

/**
 * One cipher run. `key` is a copy made for OpenSSL (the expanded key) and is wiped here, as are
 * the cipher's own output buffers once concatenated: a decrypted PIN block or key leaves only the
 * returned buffer behind, which its caller wipes.
 */
function run(decrypt: boolean, algorithm: string, key: Buffer, iv: Buffer | null, data: Uint8Array): Buffer {
  try {
    const cipher = decrypt ? createDecipheriv(algorithm, key, iv) : createCipheriv(algorithm, key, iv);
    cipher.setAutoPadding(false);
    const head = cipher.update(data);
    const tail = cipher.final();
    const out = Buffer.concat([head, tail]);
    head.fill(0);
    tail.fill(0);
    return out;
  } finally {
    key.fill(0);
  }
}

/** Single-DES ECB encryption of one 8-byte block. */
export function desEncryptBlock(key: Uint8Array, block: Uint8Array): Buffer {
  if (key.length !== BLOCK || block.length !== BLOCK) {
    throw new CryptoInputError('key', 'single DES needs an 8-byte key and an 8-byte block');
  }
  return run(false, 'des-ede3', Buffer.concat([key, key, key]), null, block);
}

/** TDES ECB encryption (no padding). */
export function tdesEncryptEcb(key: Uint8Array, data: Uint8Array): Buffer {
  assertBlocks(data, 'data');
  return run(false, 'des-ede3', tdesKey(key), null, data);
}

/** TDES CBC encryption, zero IV unless given, no padding: callers pad to 8-byte blocks. */
export function tdesEncryptCbc(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Buffer {
  assertBlocks(data, 'data');
  return run(false, 'des-ede3-cbc', tdesKey(key), Buffer.from(iv), data);
}

/** TDES CBC decryption, zero IV unless given, no padding removal. */
export function tdesDecryptCbc(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Buffer {
  assertBlocks(data, 'ciphertext');
  return run(true, 'des-ede3-cbc', tdesKey(key), Buffer.from(iv), data);
}
