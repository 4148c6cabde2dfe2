import { AES_KSN_MAX_ONE_BITS, AesKeySerialNumber, KeySerialNumber } from '@payments/crypto';

import { CliInputError } from '../runner/cli-input.error';

/** TDES DUKPT (X9.24-1) or AES DUKPT (X9.24-3) with an AES-128 or AES-256 BDK. */
export const DUKPT_ALGORITHMS = ['tdes', 'aes128', 'aes256'] as const;
export type DukptAlgorithm = (typeof DUKPT_ALGORITHMS)[number];
export type AesDukptAlgorithm = Exclude<DukptAlgorithm, 'tdes'>;

const BDK_RULES: Readonly<Record<DukptAlgorithm, { digits: number; what: string }>> = {
  tdes: { digits: 32, what: 'a double-length TDES key' },
  aes128: { digits: 32, what: 'an AES-128 key' },
  aes256: { digits: 64, what: 'an AES-256 key' },
};

export function dukptAlgorithmOf(option: string, text: string): DukptAlgorithm {
  const algorithm = DUKPT_ALGORITHMS.find((known) => known === text);
  if (!algorithm) throw new CliInputError(`${option} must be ${DUKPT_ALGORITHMS.slice(0, -1).join(', ')} or ${DUKPT_ALGORITHMS.at(-1)}`);
  return algorithm;
}

/** The BDK as bytes; the message names the length expected, never the key. */
export function bdkOf(option: string, hex: string, algorithm: DukptAlgorithm): Buffer {
  const { digits, what } = BDK_RULES[algorithm];
  if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new CliInputError(`${option} must be ${digits} hex digits (${what})`);
  return Buffer.from(hex, 'hex');
}

/** A 10-byte TDES KSN whose counter a PIN pad uses (X9.24-1 A.2: not 0, at most ten one-bits). */
export function tdesKsnOf(option: string, hex: string): KeySerialNumber {
  if (!/^[0-9A-Fa-f]{20}$/.test(hex)) throw new CliInputError(`${option} must be 20 hex digits`);
  const ksn = KeySerialNumber.parse(hex.toUpperCase());
  if (ksn.counter === 0 || !ksn.hasValidCounter) {
    throw new CliInputError(`${option} has a transaction counter no PIN pad uses (0, or more than ten one-bits)`);
  }
  return ksn;
}

/** A 12-byte AES KSN whose counter a PIN pad uses (X9.24-3: not 0, at most 16 one-bits). */
export function aesKsnOf(option: string, hex: string): AesKeySerialNumber {
  if (!/^[0-9A-Fa-f]{24}$/.test(hex)) throw new CliInputError(`${option} must be 24 hex digits (8-byte initial key id, 4-byte counter)`);
  const ksn = AesKeySerialNumber.parse(hex.toUpperCase());
  if (!ksn.hasValidCounter) {
    throw new CliInputError(`${option} has a transaction counter no PIN pad uses (0, or more than ${AES_KSN_MAX_ONE_BITS} one-bits)`);
  }
  return ksn;
}
