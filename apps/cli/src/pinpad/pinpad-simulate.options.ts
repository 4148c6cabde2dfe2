import { ENTRY_MODES, EntryMode, format0PinEncryptor, PinPadSimulatorConfig, RepeatingCardholder, simulatedKeysOf } from '@payments/pinpad';

import { cardToEncryptOf } from '../card/card-encrypt.options';
import { CliInputError } from '../runner/cli-input.error';

export interface PinPadSimulateOptions {
  readonly tcp?: string;
  readonly pty?: boolean;
  readonly serial?: string;
  readonly pan: string;
  readonly expiry: string;
  readonly serviceCode: string;
  readonly entryMode: string;
  readonly pin: string;
  readonly digits: string;
  readonly serialNumber: string;
  readonly ksn: string;
  readonly bdkId: string;
  readonly bdk: string;
}

export type SimulatorTransport =
  { readonly kind: 'tcp'; readonly port: number } | { readonly kind: 'pty' } | { readonly kind: 'serial'; readonly path: string };

export function transportOf(options: PinPadSimulateOptions): SimulatorTransport {
  const chosen = [options.tcp !== undefined, options.pty === true, options.serial !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new CliInputError('give exactly one of --tcp <port>, --pty or --serial <tty path>');
  if (options.tcp !== undefined) {
    if (!/^[0-9]{1,5}$/.test(options.tcp) || Number(options.tcp) > 65_535) throw new CliInputError('--tcp must be a port number 0-65535 (0: any free port)');
    return { kind: 'tcp', port: Number(options.tcp) };
  }
  if (options.serial !== undefined) {
    if (!options.serial.startsWith('/dev/')) throw new CliInputError('--serial must be a tty path under /dev (e.g. /dev/ttyACM0)');
    return { kind: 'serial', path: options.serial };
  }
  return { kind: 'pty' };
}

/**
 * The simulator's configuration from the options, each checked as `card encrypt` checks it (no
 * value ever echoed: --pan is a card number, --bdk a key, --pin a PIN). A PIN entry answers an
 * ISO 9564 format 0 PIN block under the pad's TDES DUKPT PIN key, as a thin PIN pad does.
 */
export function simulatorConfigOf(options: PinPadSimulateOptions): PinPadSimulatorConfig {
  const card = cardToEncryptOf({ ...options });
  if (!(options.entryMode in ENTRY_MODES)) throw new CliInputError('--entry-mode must be magstripe, chip or contactless');
  if (!/^[0-9]{4,12}$/.test(options.pin)) throw new CliInputError('--pin must be 4-12 digits');
  if (!/^[0-9]{0,20}$/.test(options.digits)) throw new CliInputError('--digits must be at most 20 digits');
  if (!/^[A-Za-z0-9-]{1,32}$/.test(options.serialNumber)) throw new CliInputError('--serial-number must be 1-32 letters, digits or -');
  const keys = simulatedKeysOf(card.bdkId, card.bdk, card.ksn);
  card.bdk.fill(0);
  return {
    serialNumber: options.serialNumber,
    keys,
    card: { entryMode: options.entryMode as EntryMode, track2: { pan: card.pan, expiry: card.expiry, serviceCode: card.serviceCode } },
    cardholder: new RepeatingCardholder({ pin: options.pin, digits: options.digits }),
    encryptPin: format0PinEncryptor(keys.ipek),
  };
}
