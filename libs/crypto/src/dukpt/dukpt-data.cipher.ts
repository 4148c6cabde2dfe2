import { CryptoInputError } from '../crypto-input.error';
import { tdesDecryptCbc, tdesEncryptCbc } from '../des/tdes.cipher';

/**
 * DUKPT data encryption as card readers do it: TDES-CBC, zero IV, plaintext right-padded with
 * 0x00 to a multiple of 8 bytes (no length prefix; the payload format must tolerate the pad).
 */
export function encryptDukptData(dataKey: Uint8Array, plaintext: Uint8Array): Buffer {
  if (plaintext.length === 0) {
    throw new CryptoInputError('plaintext', 'is empty');
  }
  const padded = Buffer.alloc(Math.ceil(plaintext.length / 8) * 8);
  padded.set(plaintext);
  return tdesEncryptCbc(dataKey, padded);
}

/** Inverse of encryptDukptData; the 0x00 pad is left for the caller's format to remove. */
export function decryptDukptData(dataKey: Uint8Array, ciphertext: Uint8Array): Buffer {
  if (ciphertext.length === 0) {
    throw new CryptoInputError('ciphertext', 'is empty');
  }
  return tdesDecryptCbc(dataKey, ciphertext);
}
