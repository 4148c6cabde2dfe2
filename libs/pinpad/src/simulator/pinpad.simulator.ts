import type { Duplex } from 'node:stream';

import { bytesToHex, deriveIpek, encryptCardData, KeySerialNumber } from '@payments/crypto';
import { encodeBerTlv } from '@payments/iso8583';

import { LinkTimings } from '../link/link-timings.model';
import { PinPadCommandHandler, PinPadDevice, PinPadSession } from '../link/pinpad.device';
import { PinPadDeviceError } from '../link/pinpad-link.error';
import { AnswerOf, RequestOf } from '../protocol/pinpad-message.model';
import { clearIccTags } from './clear-icc.tags';
import { withLineFaults } from './faulty.line';
import { PinPadSimulatorConfig, SimulatedKeys } from './simulator-config.model';

/**
 * The DUKPT state of a pad loaded with the initial key derived from `bdk` for `ksn` (X9.24-1 A.6);
 * its next encryption uses `ksn`, or the first counter when `ksn` is the initial KSN (counter 0).
 */
export function simulatedKeysOf(bdkId: string, bdk: Uint8Array, ksn: KeySerialNumber): SimulatedKeys {
  return { bdkId, ipek: deriveIpek(bdk, ksn), ksn: ksn.counter === 0 ? ksn.next() : ksn };
}

/**
 * A scriptable PIN pad: shows text, reads the scripted cardholder's keys and the configured card,
 * encrypts as a real pad does (card data under DUKPT, a new KSN per read; the PIN through the
 * injected encryptor) and misbehaves on request. One simulator serves any number of lines; the
 * KSN is shared, the card last read belongs to its session (a PIN entry in a new one answers no-card).
 */
export class PinPadSimulator {
  /** What the display shows now (for tests and the CLI's log). */
  displayed: readonly string[] = [];
  private ksn: KeySerialNumber;
  private readonly lastPans = new WeakMap<PinPadSession, string>();

  constructor(private readonly config: PinPadSimulatorConfig) {
    this.ksn = config.keys.ksn;
  }

  /** Speaks the protocol on `line` until it closes; faults from the configuration applied. */
  attach(line: Duplex, timings: Partial<LinkTimings> = {}): PinPadDevice {
    const faulty = this.config.faults ? withLineFaults(line, this.config.faults) : line;
    return new PinPadDevice(faulty, this.handle, timings);
  }

  readonly handle: PinPadCommandHandler = async (request, signal, session) => {
    await pause(this.config.faults?.answerDelayMs ?? 0, signal);
    switch (request.command) {
      case 'device-info': {
        const { serialNumber, model = 'SIM-PP1', firmware = '1.0.0', keys } = this.config;
        return { command: 'device-info', serialNumber, model, firmware, bdkId: keys.bdkId, ksn: this.ksn.toHex() };
      }
      case 'display':
        this.displayed = request.lines;
        return { command: 'display' };
      case 'beep':
        return { command: 'beep' };
      case 'read-digits':
        return { command: 'read-digits', digits: await this.typedDigits(request, signal) };
      case 'confirm-amount':
        return this.confirm(request, signal);
      case 'pin-entry':
        return this.enterPin(request, signal, session);
      case 'read-card':
        return this.readCard(request, signal, session);
    }
  };

  private async confirm(request: RequestOf<'confirm-amount'>, signal: AbortSignal): Promise<AnswerOf<'confirm-amount'>> {
    const key = this.config.cardholder.keysFor('confirm-amount').replace(/[0-9]/g, '').charAt(0);
    if (!key) return keypadTimeout(request.timeoutMs, signal);
    return { command: 'confirm-amount', confirmed: key === 'E' };
  }

  private async enterPin(request: RequestOf<'pin-entry'>, signal: AbortSignal, session: PinPadSession): Promise<AnswerOf<'pin-entry'>> {
    const { encryptPin } = this.config;
    if (!encryptPin) throw new PinPadDeviceError('pin-entry', 'not-supported');
    const pan = this.lastPans.get(session);
    if (!pan) throw new PinPadDeviceError('pin-entry', 'no-card');
    const pin = await this.typedDigits(request, signal);
    const ksn = this.nextKsn();
    return { command: 'pin-entry', pinBlock: bytesToHex(encryptPin(pin, pan, ksn)), ksn: ksn.toHex() };
  }

  private async readCard(request: RequestOf<'read-card'>, signal: AbortSignal, session: PinPadSession): Promise<AnswerOf<'read-card'>> {
    const card = this.config.card;
    if (!card || !request.entryModes.includes(card.entryMode)) return keypadTimeout(request.timeoutMs, signal);
    if (this.config.cardReadFails) throw new PinPadDeviceError('read-card', 'card-read-error');
    const ksn = this.nextKsn();
    const block = encryptCardData(this.config.keys.ipek, this.config.keys.bdkId, ksn, card.track2);
    this.lastPans.set(session, card.track2.pan);
    if (card.entryMode === 'magstripe') return { command: 'read-card', entryMode: card.entryMode, card: block };
    // Only the allow-listed tags go clear (PCI DSS 4.2): PAN and track travel inside the block.
    return { command: 'read-card', entryMode: card.entryMode, card: block, iccData: encodeBerTlv(clearIccTags(card.iccTags ?? [])) };
  }

  /** Digits up to E (fewer than minDigits: E is ignored, as a pad beeps), C cancels, no E: keypad timeout. */
  private async typedDigits(request: RequestOf<'read-digits'> | RequestOf<'pin-entry'>, signal: AbortSignal): Promise<string> {
    let digits = '';
    for (const key of this.config.cardholder.keysFor(request.command)) {
      if (key === 'C') throw new PinPadDeviceError(request.command, 'cancelled-by-cardholder');
      if (key === 'E' && digits.length >= request.minDigits) return digits;
      if (/[0-9]/.test(key) && digits.length < request.maxDigits) digits += key;
    }
    return keypadTimeout(request.timeoutMs, signal);
  }

  /** The KSN for this encryption; the pad steps to the next counter for the one after. */
  private nextKsn(): KeySerialNumber {
    const ksn = this.ksn;
    this.ksn = ksn.next();
    return ksn;
  }
}

async function keypadTimeout(timeoutMs: number, signal: AbortSignal): Promise<never> {
  await pause(timeoutMs, signal);
  throw new PinPadDeviceError('unknown', 'keypad-timeout');
}

/** Waits `ms`; a cancel (abort) ends the wait with the `cancelled` error answer. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new PinPadDeviceError('unknown', 'cancelled'));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PinPadDeviceError('unknown', 'cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
