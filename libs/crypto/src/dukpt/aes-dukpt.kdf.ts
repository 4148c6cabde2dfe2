import { aesEncryptEcb } from '../aes/aes.cipher';
import { CryptoInputError } from '../crypto-input.error';
import { AesKeySerialNumber, AES_KSN_MAX_ONE_BITS } from './aes-key-serial-number.model';

/**
 * AES DUKPT, ANSI X9.24-3-2017, host side: Initial Key from the BDK and the initial key id, the
 * intermediate derivation ("transaction") key for a counter, and working keys from it, each one
 * AES-ECB encryption of a 16-byte derivation data block (section 6.3, reference code B.3-B.5).
 */

/** X9.24-3-2017 B.3.1 KeyUsage: the key usage indicator, derivation data bytes 2-3. */
export const AesDukptKeyUsage = {
  keyEncryption: 0x0002,
  pinEncryption: 0x1000,
  macGeneration: 0x2000,
  macVerification: 0x2001,
  macBothWays: 0x2002,
  dataEncryptionEncrypt: 0x3000,
  dataEncryptionDecrypt: 0x3001,
  dataEncryptionBothWays: 0x3002,
  keyDerivation: 0x8000,
  keyDerivationInitialKey: 0x8001,
} as const;
export type AesDukptKeyUsage = (typeof AesDukptKeyUsage)[keyof typeof AesDukptKeyUsage];

/** The key types this host derives. (TDEA working keys from an AES BDK are left out: no caller.) */
export type AesDukptKeyType = 'aes128' | 'aes256';

/** X9.24-3-2017 B.3.3 algorithm indicator (bytes 4-5) and key length in bits (bytes 6-7). */
const KEY_TYPES: Readonly<Record<AesDukptKeyType, { algorithm: number; bits: number }>> = {
  aes128: { algorithm: 0x0002, bits: 128 },
  aes256: { algorithm: 0x0004, bits: 256 },
};

export function aesKeyTypeOf(key: Uint8Array, field: string): AesDukptKeyType {
  if (key.length === 16) return 'aes128';
  if (key.length === 32) return 'aes256';
  throw new CryptoInputError(field, `must be an AES-128 or AES-256 key (16 or 32 bytes), has ${key.length} bytes`);
}

/**
 * X9.24-3-2017 B.3.3 Create Derivation Data: version 01, key block counter (set per block),
 * usage, algorithm, length, then the whole initial key id (initial key) or its derivation id
 * and the 32-bit counter (every other key).
 */
function derivationData(usage: AesDukptKeyUsage, keyType: AesDukptKeyType, ksn: AesKeySerialNumber, counter: number | null): Buffer {
  const { algorithm, bits } = KEY_TYPES[keyType];
  const data = Buffer.alloc(16);
  data[0] = 0x01;
  data.writeUInt16BE(usage, 2);
  data.writeUInt16BE(algorithm, 4);
  data.writeUInt16BE(bits, 6);
  const initialKeyId = ksn.initialKeyId;
  if (counter === null) {
    initialKeyId.copy(data, 8);
  } else {
    initialKeyId.copy(data, 8, 4, 8);
    data.writeUInt32BE(counter, 12);
  }
  return data;
}

/** X9.24-3-2017 B.4.1 Derive Key: one AES block per 128 bits of the derived key, block counter 1, 2. */
function deriveKey(derivationKey: Uint8Array, keyType: AesDukptKeyType, data: Buffer): Buffer {
  const blocks = KEY_TYPES[keyType].bits / 128;
  const out: Buffer[] = [];
  for (let block = 1; block <= blocks; block += 1) {
    data[1] = block;
    out.push(aesEncryptEcb(derivationKey, data));
  }
  return Buffer.concat(out);
}

/** X9.24-3-2017 B.5 Derive Initial Key: the key loaded into the device, of the BDK's type. */
export function deriveAesInitialKey(bdk: Uint8Array, ksn: AesKeySerialNumber): Buffer {
  const keyType = aesKeyTypeOf(bdk, 'bdk');
  return deriveKey(bdk, keyType, derivationData(AesDukptKeyUsage.keyDerivationInitialKey, keyType, ksn, null));
}

/**
 * X9.24-3-2017 B.5 Host Derive Working Key, first part: the intermediate derivation key for the
 * KSN's counter, one derivation for each one-bit from the most significant down. Counter 0 is the
 * initial key itself and a counter with more than 16 one-bits is never used by a device: both refused.
 */
export function deriveAesTransactionKey(initialKey: Uint8Array, ksn: AesKeySerialNumber): Buffer {
  const keyType = aesKeyTypeOf(initialKey, 'initialKey');
  const counter = ksn.counter;
  if (counter === 0) {
    throw new CryptoInputError('ksn', 'counter 0 is the initial key itself; transactions start at counter 1');
  }
  if (!ksn.hasValidCounter) {
    throw new CryptoInputError('ksn', `counter has more than ${AES_KSN_MAX_ONE_BITS} one-bits, no X9.24-3 device uses it`);
  }
  let key: Buffer = Buffer.from(initialKey);
  let working = 0;
  for (let shift = 31; shift >= 0; shift -= 1) {
    if (((counter >>> shift) & 1) === 0) continue;
    working += 2 ** shift;
    const next = deriveKey(key, keyType, derivationData(AesDukptKeyUsage.keyDerivation, keyType, ksn, working));
    key.fill(0); // an intermediate derivation key is not kept
    key = next;
  }
  return key;
}

/**
 * X9.24-3-2017 B.5 Host Derive Working Key, final step: the working key for `usage` under the
 * transaction key, of `keyType` (default the transaction key's own type; never a longer key).
 */
export function deriveAesWorkingKey(
  transactionKey: Uint8Array,
  ksn: AesKeySerialNumber,
  usage: AesDukptKeyUsage,
  keyType: AesDukptKeyType = aesKeyTypeOf(transactionKey, 'transactionKey'),
): Buffer {
  if (KEY_TYPES[keyType].bits > transactionKey.length * 8) {
    throw new CryptoInputError('keyType', 'a working key cannot be longer than the key it is derived from');
  }
  return deriveKey(transactionKey, keyType, derivationData(usage, keyType, ksn, ksn.counter));
}
