import { bytesToHex, encryptPinBlockFormat0, encryptPinBlockFormat4 } from '@payments/crypto';

import { encryptTestCard } from '../card/card-encrypt.command';
import { cardToEncryptOf } from '../card/card-encrypt.options';
import { deriveDukptKeys, wipeDukptKeys } from '../dukpt/dukpt-keys.util';
import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { PinpadEncryptOptions, PinToEncrypt, pinToEncryptOf } from './pinpad-encrypt.options';

export type { PinpadEncryptOptions } from './pinpad-encrypt.options';

/** The ISO 9564 PIN block a PIN pad sends: format 0 under a TDES DUKPT PIN key, format 4 under an AES one (with its KSN). */
function pinBlockOf({ pin, transaction }: PinToEncrypt, pan: string): Record<string, string | number> {
  const keys = deriveDukptKeys(transaction);
  try {
    if (transaction.algorithm === 'tdes') {
      return { pinBlock: bytesToHex(encryptPinBlockFormat0(keys.pinKey, pin, pan)), format: 0 };
    }
    return { pinBlock: bytesToHex(encryptPinBlockFormat4(keys.pinKey, pin, pan)), format: 4, ksn: transaction.ksn.toHex() };
  } finally {
    wipeDukptKeys(transaction, keys);
  }
}

/**
 * `pinpad encrypt --pan --expiry [--pin] [--algorithm]`: what a thin PIN pad sends for a card
 * read, for integrators calling the API by hand, as one JSON line: `card`, the block the gateway
 * takes as the body's `card` (TDES DUKPT, as `card encrypt`) and, with --pin, `pin`, the body's
 * `pin` (`pinBlock`, `format` 0 under the TDES PIN key of the card's KSN; for AES `format` 4 and
 * `ksn`, the AES DUKPT KSN it was made under: the API takes it with an AES card block of the same
 * pad, which `card encrypt --algorithm` makes with the same defaults).
 */
export function runPinpadEncrypt(options: PinpadEncryptOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const card = cardToEncryptOf(options);
    try {
      const pin = pinToEncryptOf(options, card);
      const block = encryptTestCard(card);
      return JSON.stringify(pin === undefined ? { card: block } : { card: block, pin: pinBlockOf(pin, card.pan) });
    } finally {
      card.bdk.fill(0);
    }
  });
}
