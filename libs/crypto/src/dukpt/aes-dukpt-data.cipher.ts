import { AES_BLOCK, aesDecryptCbc, aesEncryptCbc } from '../aes/aes.cipher';
import { CryptoInputError } from '../crypto-input.error';

const ZERO_IV = Buffer.alloc(AES_BLOCK);

/**
 * AES DUKPT data encryption as card readers do it, the AES twin of encryptDukptData: AES-CBC
 * under the X9.24-3 data encryption key, zero IV (the key is unique per transaction), plaintext
 * right-padded with 0x00 to a multiple of 16 bytes (no length prefix).
 */
export function encryptAesDukptData(dataKey: Uint8Array, plaintext: Uint8Array): Buffer {
  if (plaintext.length === 0) {
    throw new CryptoInputError('plaintext', 'is empty');
  }
  const padded = Buffer.alloc(Math.ceil(plaintext.length / AES_BLOCK) * AES_BLOCK);
  padded.set(plaintext);
  try {
    return aesEncryptCbc(dataKey, ZERO_IV, padded);
  } finally {
    padded.fill(0);
  }
}

/** Inverse of encryptAesDukptData; the 0x00 pad is left for the caller's format to remove. */
export function decryptAesDukptData(dataKey: Uint8Array, ciphertext: Uint8Array): Buffer {
  if (ciphertext.length === 0) {
    throw new CryptoInputError('ciphertext', 'is empty');
  }
  return aesDecryptCbc(dataKey, ZERO_IV, ciphertext);
}
