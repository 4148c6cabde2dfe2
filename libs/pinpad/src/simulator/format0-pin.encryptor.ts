import { deriveTransactionKey, encryptPinBlockFormat0, pinEncryptionKey } from '@payments/crypto';

import type { PinBlockEncryptor } from './simulator-config.model';

/**
 * What a TDES DUKPT PIN pad does with the digits typed: an ISO 9564 format 0 PIN block under the
 * PIN key of the KSN it steps to (X9.24-1), from its initial key. The keys of each block are wiped.
 */
export function format0PinEncryptor(ipek: Uint8Array): PinBlockEncryptor {
  return (pin, pan, ksn) => {
    const transactionKey = deriveTransactionKey(ipek, ksn);
    const pinKey = pinEncryptionKey(transactionKey);
    try {
      return encryptPinBlockFormat0(pinKey, pin, pan);
    } finally {
      transactionKey.fill(0);
      pinKey.fill(0);
    }
  };
}
