import { bytesToHex, encryptPinBlockFormat0, encryptPinBlockFormat4 } from '@payments/crypto';

import { encryptTestCard } from '../card/card-encrypt.command';
import { cardToEncryptOf } from '../card/card-encrypt.options';
import { deriveDukptKeys, wipeDukptKeys } from '../dukpt/dukpt-keys.util';
import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { PinpadEncryptOptions, PinToEncrypt, pinToEncryptOf } from './pinpad-encrypt.options';

export type { PinpadEncryptOptions } from './pinpad-encrypt.options';

/** The ISO 9564 PIN block a PIN pad sends: format 0 under a TDES DUKPT PIN key, format 4 under an AES one. */
function pinBlockOf({ pin, transaction }: PinToEncrypt, pan: string): Record<string, string | number> {
  const keys = deriveDukptKeys(transaction);
  try {
    if (transaction.algorithm === 'tdes') {
      return { pinBlock: bytesToHex(encryptPinBlockFormat0(keys.pinKey, pin, pan)), pinBlockFormat: 0 };
    }
    return { pinBlock: bytesToHex(encryptPinBlockFormat4(keys.pinKey, pin, pan)), pinBlockFormat: 4, pinKsn: transaction.ksn.toHex() };
  } finally {
    wipeDukptKeys(transaction, keys);
  }
}

/**
 * `pinpad encrypt --pan --expiry [--pin] [--algorithm]`: what a thin PIN pad sends for a card
 * read, for integrators calling the API by hand, as one JSON line: `card`, the block the gateway
 * takes as the body's `card` (TDES DUKPT, as `card encrypt`) and, with --pin, the PIN block next to
 * it (`pinBlock`, `pinBlockFormat`; for AES also `pinKsn`, the AES DUKPT KSN it was made under).
 * The API takes no PIN block yet (online PIN comes with PIN translation), so `card` stays apart.
 */
export function runPinpadEncrypt(options: PinpadEncryptOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const card = cardToEncryptOf(options);
    try {
      const pin = pinToEncryptOf(options, card);
      const block = encryptTestCard(card);
      return JSON.stringify(pin === undefined ? { card: block } : { card: block, ...pinBlockOf(pin, card.pan) });
    } finally {
      card.bdk.fill(0);
    }
  });
}
