import type { Command } from 'commander';

import { DEFAULT_BDK, DEFAULT_BDK_ID, DEFAULT_KSN } from '../card/card-encrypt.options';
import type { CliIo } from '../runner/cli-io.types';
import { PinpadEncryptOptions, runPinpadEncrypt } from './pinpad-encrypt.command';
import { DEFAULT_PIN_KSN } from './pinpad-encrypt.options';

/** `pinpad encrypt`: what a thin PIN pad sends, made by hand. */
export function addPinpadCommands(program: Command, io: CliIo, run: (command: Promise<number>) => Promise<void>): void {
  const pinpad = program.command('pinpad').description("Act as a thin PIN pad (test cards and the platform's test keys)");
  pinpad
    .command('encrypt')
    .description(
      'Encrypt a test card (and a PIN) as a PIN pad does; prints {"card"} (the API\'s card object; with --pin also "pin", the API\'s pin object) as one JSON line',
    )
    .requiredOption('--pan <digits>', 'card number (a test card: it is on your command line)')
    .requiredOption('--expiry <YYMM>', 'expiry as on track 2, e.g. 2712')
    .option('--pin <digits>', 'a test PIN, 4-12 digits: adds an ISO 9564 PIN block (format 0 for tdes, 4 for AES)')
    .option(
      '--algorithm <name>',
      'DUKPT of the PIN block: tdes (under --bdk and --ksn), aes128 or aes256 (the card block stays TDES: `card encrypt --algorithm` makes the AES one)',
      'tdes',
    )
    .option('--ksn <hex>', 'key serial number of the card block (and a TDES PIN block), 20 hex digits', DEFAULT_KSN)
    .option('--service-code <digits>', 'service code (201: chip, international)', '201')
    .option('--bdk-id <id>', "id of the base derivation key, as in the server's CARD_BDKS", DEFAULT_BDK_ID)
    .option('--bdk <hex>', 'the TDES base derivation key, 32 hex digits (default: the public ANSI X9.24 test BDK)', DEFAULT_BDK)
    .option('--pin-bdk <hex>', 'AES PIN block only: the AES BDK (default: the public X9.24-3 sample BDK of that size)')
    .option('--pin-ksn <hex>', `AES PIN block only: the 24-hex-digit AES KSN (default ${DEFAULT_PIN_KSN})`)
    .action((options: PinpadEncryptOptions) => run(runPinpadEncrypt(options, io)));
}
