import { type CardDataBlock, deriveAesInitialKey, deriveIpek, encryptAesCardData, encryptCardData } from '@payments/crypto';

import { aesKsnOf, type AesDukptAlgorithm, bdkOf, dukptAlgorithmOf } from '../dukpt/dukpt-key.options';
import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import {
  CardEncryptOptions,
  CardToEncrypt,
  cardToEncryptOf,
  checkCardOptions,
  DEFAULT_AES_BDK,
  DEFAULT_AES_BDK_ID,
  DEFAULT_AES_KSN,
  DEFAULT_BDK,
  DEFAULT_BDK_ID,
  DEFAULT_KSN,
} from './card-encrypt.options';

export type { CardEncryptOptions } from './card-encrypt.options';

/** `card encrypt` as typed: the DUKPT, and the key options left out take the test defaults of that DUKPT. */
export type CardEncryptCommandOptions = Omit<CardEncryptOptions, 'ksn' | 'bdkId' | 'bdk'> &
  Partial<Pick<CardEncryptOptions, 'ksn' | 'bdkId' | 'bdk'>> & { readonly algorithm?: string };

/**
 * `card encrypt --pan --expiry [--algorithm] [--ksn]`: the `card` object of a register
 * operation's body, as a thin PIN pad makes it: track 2 equivalent data encrypted under the DUKPT
 * data key of the KSN, derived from the BDK the server knows by --bdk-id. tdes (default): X9.24-1,
 * 20-hex-digit KSN, TDES-CBC; aes128/aes256: X9.24-3, 24-hex-digit KSN, AES-CBC under the "data
 * encryption, encrypt" key. One JSON line.
 */
export function runCardEncrypt(options: CardEncryptCommandOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const algorithm = dukptAlgorithmOf('--algorithm', options.algorithm ?? 'tdes');
    if (algorithm !== 'tdes') return JSON.stringify(encryptAesTestCard(options, algorithm));
    const card = cardToEncryptOf({ ...options, ksn: options.ksn ?? DEFAULT_KSN, bdkId: options.bdkId ?? DEFAULT_BDK_ID, bdk: options.bdk ?? DEFAULT_BDK });
    const block = encryptTestCard(card);
    card.bdk.fill(0);
    return JSON.stringify(block);
  });
}

/** The `card` block of the API for a checked test card, its keys wiped after use (the BDK stays the caller's). */
export function encryptTestCard(card: CardToEncrypt): CardDataBlock {
  const ipek = deriveIpek(card.bdk, card.ksn);
  const block = encryptCardData(ipek, card.bdkId, card.ksn, { pan: card.pan, expiry: card.expiry, serviceCode: card.serviceCode });
  ipek.fill(0);
  return { bdkId: block.bdkId, ksn: block.ksn, ciphertext: block.ciphertext };
}

/** The AES DUKPT `card` block: --bdk (AES-128 or AES-256) and the 24-hex-digit --ksn, the sample ones by default. */
function encryptAesTestCard(options: CardEncryptCommandOptions, algorithm: AesDukptAlgorithm): CardDataBlock {
  const bdkId = options.bdkId ?? DEFAULT_AES_BDK_ID[algorithm];
  checkCardOptions({ ...options, bdkId });
  const ksn = aesKsnOf('--ksn', options.ksn ?? DEFAULT_AES_KSN);
  const bdk = bdkOf('--bdk', options.bdk ?? DEFAULT_AES_BDK[algorithm], algorithm);
  const initialKey = deriveAesInitialKey(bdk, ksn);
  bdk.fill(0);
  try {
    return encryptAesCardData(initialKey, bdkId, ksn, { pan: options.pan, expiry: options.expiry, serviceCode: options.serviceCode });
  } finally {
    initialKey.fill(0);
  }
}
