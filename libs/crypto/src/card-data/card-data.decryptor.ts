import { CardDataError, parseTrack2, Track2Data } from '@payments/card';

import { hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { decryptAesDukptData } from '../dukpt/aes-dukpt-data.cipher';
import { deriveAesInitialKey, deriveAesTransactionKey, deriveAesWorkingKey } from '../dukpt/aes-dukpt.kdf';
import { decryptDukptData } from '../dukpt/dukpt-data.cipher';
import { dataEncryptionKey, deriveIpek, deriveTransactionKey } from '../dukpt/dukpt.kdf';
import { BdkStore } from './bdk.store';
import { ksnUnderBdk, type SchemeKsn } from './bdk-ksn.util';
import { CARD_DATA_AES_KEY_USAGE, CARD_DATA_MAX_AES_CIPHERTEXT_BYTES, CARD_DATA_MAX_CIPHERTEXT_BYTES, CardDataBlock } from './card-data-block.model';

const CIPHERTEXT_RULES = {
  tdes: { block: 8, max: CARD_DATA_MAX_CIPHERTEXT_BYTES },
  aes: { block: 16, max: CARD_DATA_MAX_AES_CIPHERTEXT_BYTES },
} as const;

/** The clear (0x00-padded) card data of one read; every key made on the way is wiped. */
function decryptUnder(bdk: Uint8Array, read: SchemeKsn, ciphertext: Buffer): Buffer {
  const keys: Buffer[] = [];
  const keep = (key: Buffer): Buffer => {
    keys.push(key);
    return key;
  };
  try {
    if (read.scheme === 'tdes') {
      const key = keep(dataEncryptionKey(keep(deriveTransactionKey(keep(deriveIpek(bdk, read.ksn)), read.ksn))));
      return decryptDukptData(key, ciphertext);
    }
    const transactionKey = keep(deriveAesTransactionKey(keep(deriveAesInitialKey(bdk, read.ksn)), read.ksn));
    return decryptAesDukptData(keep(deriveAesWorkingKey(transactionKey, read.ksn, CARD_DATA_AES_KEY_USAGE)), ciphertext);
  } finally {
    for (const key of keys) key.fill(0);
  }
}

/**
 * Server side of the card-data block: BDK by id -> the KSN of the BDK's scheme -> the DUKPT data
 * key (X9.24-1: IPEK, transaction key, data variant; X9.24-3: initial key, transaction key,
 * "data encryption, encrypt" working key) -> CBC decrypt, zero IV -> track 2. Errors name the
 * block's field that is wrong and never contain decrypted bytes.
 */
export class CardDataDecryptor {
  constructor(private readonly bdks: BdkStore) {}

  decrypt(block: CardDataBlock): Track2Data {
    const bdk = this.bdks.findBdk(block.bdkId);
    if (!bdk) {
      throw new CryptoInputError('bdkId', `unknown BDK id "${block.bdkId}"`);
    }
    const read = ksnUnderBdk(block.bdkId, bdk, block.ksn);
    const ciphertext = hexToBytes(block.ciphertext, 'ciphertext');
    const rule = CIPHERTEXT_RULES[read.scheme === 'tdes' ? 'tdes' : 'aes'];
    if (ciphertext.length === 0 || ciphertext.length % rule.block !== 0 || ciphertext.length > rule.max) {
      throw new CryptoInputError('ciphertext', `must be ${rule.block}-${rule.max} bytes in whole ${rule.block}-byte blocks, has ${ciphertext.length}`);
    }
    if (read.scheme !== 'tdes' && !read.ksn.hasValidCounter) {
      throw new CryptoInputError('ksn', 'has a transaction counter no X9.24-3 device uses (0, or more than 16 one-bits)');
    }
    const clear = decryptUnder(bdk.key, read, ciphertext);
    try {
      return parseTrack2(clear.toString('latin1').replace(/\0+$/, ''));
    } catch (error) {
      if (error instanceof CardDataError) {
        throw new CryptoInputError('ciphertext', 'does not decrypt to track 2 data (wrong BDK, KSN or corrupted ciphertext)');
      }
      throw error;
    } finally {
      clear.fill(0);
    }
  }
}
