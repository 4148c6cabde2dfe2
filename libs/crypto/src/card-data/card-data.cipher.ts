import { formatTrack2, Track2Input } from '@payments/card';

import { bytesToHex } from '../bytes.util';
import { encryptAesDukptData } from '../dukpt/aes-dukpt-data.cipher';
import { deriveAesTransactionKey, deriveAesWorkingKey } from '../dukpt/aes-dukpt.kdf';
import { AesKeySerialNumber } from '../dukpt/aes-key-serial-number.model';
import { encryptDukptData } from '../dukpt/dukpt-data.cipher';
import { dataEncryptionKey, deriveTransactionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { CARD_DATA_AES_KEY_USAGE, CardDataBlock } from './card-data-block.model';

/**
 * Device side of the card-data block: encrypts track 2 equivalent data under the DUKPT data
 * encryption key for `ksn` (derived from the device's IPEK). Used by PIN pad simulators and
 * tests; a real PIN pad does this inside its secure cryptographic device.
 */
export function encryptCardData(ipek: Uint8Array, bdkId: string, ksn: KeySerialNumber, card: Track2Input): CardDataBlock {
  const track2 = formatTrack2(card);
  const key = dataEncryptionKey(deriveTransactionKey(ipek, ksn));
  const ciphertext = encryptDukptData(key, Buffer.from(track2, 'ascii'));
  key.fill(0);
  return { bdkId, ksn: ksn.toHex(), ciphertext: bytesToHex(ciphertext) };
}

/**
 * The same under AES DUKPT (X9.24-3): the device's initial key -> the transaction key of `ksn` ->
 * the "data encryption, encrypt" working key (of the initial key's size) -> AES-CBC, zero IV.
 */
export function encryptAesCardData(initialKey: Uint8Array, bdkId: string, ksn: AesKeySerialNumber, card: Track2Input): CardDataBlock {
  const track2 = Buffer.from(formatTrack2(card), 'ascii');
  const transactionKey = deriveAesTransactionKey(initialKey, ksn);
  const key = deriveAesWorkingKey(transactionKey, ksn, CARD_DATA_AES_KEY_USAGE);
  try {
    return { bdkId, ksn: ksn.toHex(), ciphertext: bytesToHex(encryptAesDukptData(key, track2)) };
  } finally {
    for (const buffer of [track2, transactionKey, key]) buffer.fill(0);
  }
}
