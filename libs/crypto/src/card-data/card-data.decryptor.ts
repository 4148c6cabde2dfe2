import { CardDataError, parseTrack2, Track2Data } from '@payments/card';

import { hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { decryptDukptData } from '../dukpt/dukpt-data.cipher';
import { dataEncryptionKey, deriveIpek, deriveTransactionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { BdkStore } from './bdk.store';
import { CARD_DATA_MAX_CIPHERTEXT_BYTES, CardDataBlock } from './card-data-block.model';

/**
 * Server side of the card-data block: BDK by id -> IPEK (from the KSN) -> transaction key ->
 * DUKPT data encryption key -> TDES-CBC decrypt -> track 2. Errors name the block's field that is
 * wrong and never contain decrypted bytes.
 */
export class CardDataDecryptor {
  constructor(private readonly bdks: BdkStore) {}

  decrypt(block: CardDataBlock): Track2Data {
    const bdk = this.bdks.findBdk(block.bdkId);
    if (!bdk) {
      throw new CryptoInputError('bdkId', `unknown BDK id "${block.bdkId}"`);
    }
    const ksn = KeySerialNumber.parse(block.ksn, 'ksn');
    const ciphertext = hexToBytes(block.ciphertext, 'ciphertext');
    if (ciphertext.length === 0 || ciphertext.length % 8 !== 0 || ciphertext.length > CARD_DATA_MAX_CIPHERTEXT_BYTES) {
      throw new CryptoInputError('ciphertext', `must be 8-${CARD_DATA_MAX_CIPHERTEXT_BYTES} bytes in whole 8-byte blocks, has ${ciphertext.length}`);
    }
    const key = dataEncryptionKey(deriveTransactionKey(deriveIpek(bdk, ksn), ksn));
    const clear = decryptDukptData(key, ciphertext);
    key.fill(0);
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
