import { type CardDataBlock, deriveIpek, encryptCardData } from '@payments/crypto';

import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { CardEncryptOptions, CardToEncrypt, cardToEncryptOf } from './card-encrypt.options';

export type { CardEncryptOptions } from './card-encrypt.options';

/**
 * `card encrypt --pan --expiry [--ksn]`: the `card` object of a register operation's body, as a
 * thin PIN pad makes it: track 2 equivalent data encrypted under the DUKPT data key of the KSN
 * (X9.24-1), derived from the BDK the server knows by --bdk-id. One JSON line.
 */
export function runCardEncrypt(options: CardEncryptOptions, io: CliIo): Promise<number> {
  return runCommand(io, () => {
    const card = cardToEncryptOf(options);
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
