import { formatTrack2, Track2Input } from '@payments/card';

import { bytesToHex } from '../bytes.util';
import { encryptDukptData } from '../dukpt/dukpt-data.cipher';
import { dataEncryptionKey, deriveTransactionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { CardDataBlock } from './card-data-block.model';

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
