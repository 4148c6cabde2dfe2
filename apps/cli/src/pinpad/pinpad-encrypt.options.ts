import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '@payments/crypto';

import { type CardEncryptOptions, type CardToEncrypt, DEFAULT_AES_BDK, DEFAULT_AES_KSN } from '../card/card-encrypt.options';
import { aesKsnOf, bdkOf, dukptAlgorithmOf } from '../dukpt/dukpt-key.options';
import type { DukptTransaction } from '../dukpt/dukpt-keys.util';
import { CliInputError } from '../runner/cli-input.error';

/** The first transaction of a PIN pad loaded with the X9.24-3 sample initial key id 1234567890123456. */
export const DEFAULT_PIN_KSN = DEFAULT_AES_KSN;

export interface PinpadEncryptOptions extends CardEncryptOptions {
  readonly algorithm: string;
  readonly pin?: string;
  readonly pinBdk?: string;
  readonly pinKsn?: string;
}

/** What the PIN block is made with: the PIN and the DUKPT transaction whose PIN key encrypts it. */
export interface PinToEncrypt {
  readonly pin: string;
  readonly transaction: DukptTransaction;
}

/**
 * The PIN options, checked after the card's: a TDES PIN block uses the card's BDK and KSN (one
 * transaction of one PIN pad); an AES one its own AES BDK and 12-byte KSN (the card block stays
 * TDES here; `card encrypt --algorithm` makes the AES card block of that pad). Messages never echo
 * the PIN or a key.
 */
export function pinToEncryptOf(options: PinpadEncryptOptions, card: CardToEncrypt): PinToEncrypt | undefined {
  const algorithm = dukptAlgorithmOf('--algorithm', options.algorithm);
  const aesOnly = options.pinBdk !== undefined || options.pinKsn !== undefined;
  if (algorithm === 'tdes' && aesOnly) {
    throw new CliInputError('--pin-bdk and --pin-ksn are for an AES PIN block (--algorithm aes128 or aes256); a TDES one uses --bdk and --ksn');
  }
  if (options.pin === undefined) {
    if (algorithm !== 'tdes') throw new CliInputError(`--algorithm ${algorithm} is for the PIN block and needs --pin`);
    return undefined;
  }
  if (!new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(options.pin)) {
    throw new CliInputError(`--pin must be ${PIN_MIN_LENGTH}-${PIN_MAX_LENGTH} digits`);
  }
  if (algorithm === 'tdes') return { pin: options.pin, transaction: { algorithm, bdk: Buffer.from(card.bdk), ksn: card.ksn } };
  const bdk = bdkOf('--pin-bdk', options.pinBdk ?? DEFAULT_AES_BDK[algorithm], algorithm);
  return { pin: options.pin, transaction: { algorithm, bdk, ksn: aesKsnOf('--pin-ksn', options.pinKsn ?? DEFAULT_PIN_KSN) } };
}
