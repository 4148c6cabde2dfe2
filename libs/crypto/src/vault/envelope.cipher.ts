import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { CryptoInputError } from '../crypto-input.error';

/**
 * Envelope encryption: a fresh AES-256-GCM data key per value encrypts the value; the key
 * encryption key (KEK) wraps that data key, also with AES-256-GCM. The KEK id is bound as
 * additional authenticated data, so a ciphertext relabelled with another key id fails to open.
 *
 * Layout (then base64): version 0x01 | wrap IV 12 | wrapped data key 32 | wrap tag 16 |
 * data IV 12 | data tag 16 | data ciphertext.
 */
const VERSION = 0x01;
const IV = 12;
const TAG = 16;
const DATA_KEY = 32;
const HEADER = 1 + IV + DATA_KEY + TAG + IV + TAG;

function gcmSeal(key: Uint8Array, plaintext: Uint8Array, aad: Buffer): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmOpen(key: Uint8Array, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function aadFor(keyId: string): Buffer {
  return Buffer.from(`envelope/v1/${keyId}`, 'utf8');
}

export function sealEnvelope(kek: Uint8Array, keyId: string, plaintext: Uint8Array): string {
  const aad = aadFor(keyId);
  const dataKey = randomBytes(DATA_KEY);
  const wrap = gcmSeal(kek, dataKey, aad);
  const data = gcmSeal(dataKey, plaintext, aad);
  dataKey.fill(0);
  return Buffer.concat([Buffer.from([VERSION]), wrap.iv, wrap.ciphertext, wrap.tag, data.iv, data.tag, data.ciphertext]).toString('base64');
}

export function openEnvelope(kek: Uint8Array, keyId: string, ciphertext: string): Buffer {
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length < HEADER || bytes[0] !== VERSION) {
    throw new CryptoInputError('ciphertext', 'is not an envelope of format version 1');
  }
  let at = 1;
  const take = (n: number): Buffer => bytes.subarray(at, (at += n));
  const wrapIv = take(IV);
  const wrapped = take(DATA_KEY);
  const wrapTag = take(TAG);
  const dataIv = take(IV);
  const dataTag = take(TAG);
  const data = bytes.subarray(at);
  const aad = aadFor(keyId);
  try {
    const dataKey = gcmOpen(kek, wrapIv, wrapped, wrapTag, aad);
    const plaintext = gcmOpen(dataKey, dataIv, data, dataTag, aad);
    dataKey.fill(0);
    return plaintext;
  } catch {
    throw new CryptoInputError('ciphertext', `failed authentication under key id "${keyId}" (corrupted, or sealed under another key)`);
  }
}
