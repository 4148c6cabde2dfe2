import { xorBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { desEncryptBlock, tdesEncryptEcb } from '../des/tdes.cipher';
import { KeySerialNumber, KSN_COUNTER_BITS } from './key-serial-number.model';

/**
 * TDES DUKPT, ANSI X9.24-1:2009 Annex A (host side: the key is computed from BDK + KSN
 * without the device's future-key registers).
 */

/** X9.24-1:2009 A.6: the mask applied to a key before deriving the other half. */
const KEY_MASK = Buffer.from('C0C0C0C000000000C0C0C0C000000000', 'hex');
/** X9.24-1:2009 A.6 PIN encryption variant. */
const PIN_VARIANT = Buffer.from('00000000000000FF00000000000000FF', 'hex');
/** X9.24-1:2009 A.6 MAC (request) variant. */
const MAC_REQUEST_VARIANT = Buffer.from('000000000000FF00000000000000FF00', 'hex');
/** X9.24-1:2009 A.6 data encryption (request) variant. */
const DATA_REQUEST_VARIANT = Buffer.from('0000000000FF00000000000000FF0000', 'hex');

function assertDoubleLength(key: Uint8Array, field: string): void {
  if (key.length !== 16) {
    throw new CryptoInputError(field, `must be a 16-byte (double-length) TDES key, has ${key.length} bytes`);
  }
}

/** X9.24-1:2009 A.6 "Non-reversible Key Generation Process" for a double-length key. */
function nonReversibleKeyGeneration(key: Buffer, register: Buffer): Buffer {
  const half = (k: Buffer): Buffer => {
    const left = k.subarray(0, 8);
    const right = k.subarray(8, 16);
    const input = xorBytes(register, right);
    const encrypted = desEncryptBlock(left, input);
    try {
      return xorBytes(encrypted, right);
    } finally {
      input.fill(0);
      encrypted.fill(0);
    }
  };
  const masked = xorBytes(key, KEY_MASK);
  const rightHalf = half(key);
  const leftHalf = half(masked);
  try {
    return Buffer.concat([leftHalf, rightHalf]);
  } finally {
    for (const buffer of [masked, leftHalf, rightHalf]) buffer.fill(0);
  }
}

/**
 * Initial PIN Encryption Key (IPEK, "initially loaded key"): TDES-encrypt the leftmost 64 bits of
 * the KSN with its counter cleared under the BDK (left half) and under BDK xor C0C0C0C0... (right).
 */
export function deriveIpek(bdk: Uint8Array, ksn: KeySerialNumber): Buffer {
  assertDoubleLength(bdk, 'bdk');
  const block = ksn.initial().toBuffer().subarray(0, 8);
  const masked = xorBytes(bdk, KEY_MASK); // as secret as the BDK itself
  const left = tdesEncryptEcb(bdk, block);
  const right = tdesEncryptEcb(masked, block);
  try {
    return Buffer.concat([left, right]);
  } finally {
    for (const buffer of [masked, left, right]) buffer.fill(0);
  }
}

/**
 * The current transaction key (before variants) for the KSN's counter: starting from the IPEK,
 * one non-reversible step for each one-bit of the counter, from the most significant down.
 */
export function deriveTransactionKey(ipek: Uint8Array, ksn: KeySerialNumber): Buffer {
  assertDoubleLength(ipek, 'ipek');
  if (!ksn.hasValidCounter) {
    throw new CryptoInputError('ksn', 'counter has more than ten one-bits, no X9.24 device sends it');
  }
  const counter = ksn.counter;
  const register = ksn.initial().toBuffer().subarray(2, 10);
  let key: Buffer = Buffer.from(ipek);
  for (let bit = 1 << (KSN_COUNTER_BITS - 1); bit > 0; bit >>>= 1) {
    if ((counter & bit) === 0) continue;
    register[5] = (register[5] ?? 0) | (bit >>> 16);
    register[6] = (register[6] ?? 0) | ((bit >>> 8) & 0xff);
    register[7] = (register[7] ?? 0) | (bit & 0xff);
    const next = nonReversibleKeyGeneration(key, register);
    key.fill(0); // an intermediate key is not kept
    key = next;
  }
  return key;
}

/** PIN encryption key: transaction key xor the PIN variant (what X9.24 Annex A lists per counter). */
export function pinEncryptionKey(transactionKey: Uint8Array): Buffer {
  return xorBytes(transactionKey, PIN_VARIANT);
}

/** MAC request key: transaction key xor the MAC request variant. */
export function macRequestKey(transactionKey: Uint8Array): Buffer {
  return xorBytes(transactionKey, MAC_REQUEST_VARIANT);
}

/** Data encryption request variant: transaction key xor 0000000000FF0000 0000000000FF0000. */
export function dataVariantKey(transactionKey: Uint8Array): Buffer {
  return xorBytes(transactionKey, DATA_REQUEST_VARIANT);
}

/**
 * Data encryption key as card readers use it (X9.24-1:2009 A.4 note; IDTech/MagTek practice):
 * the data variant key, then each half TDES-ECB-encrypted under that variant key (a one-way step,
 * so the variant key itself never encrypts data).
 */
export function dataEncryptionKey(transactionKey: Uint8Array): Buffer {
  const variant = dataVariantKey(transactionKey);
  return tdesEncryptEcb(variant, variant);
}
