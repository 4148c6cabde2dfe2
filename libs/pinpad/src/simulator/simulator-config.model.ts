import type { Track2Input } from '@payments/card';
import type { KeySerialNumber } from '@payments/crypto';
import type { TlvInput } from '@payments/iso8583';

import type { EntryMode } from '../protocol/pinpad-message.model';

/** The card the simulated cardholder presents. For chip and contactless, track 2 is tag 57's content. */
export interface SimulatedCard {
  readonly entryMode: EntryMode;
  readonly track2: Track2Input;
  /** Chip and contactless: the chip's EMV tags; only those on CLEAR_ICC_TAGS are sent clear, templates searched too. */
  readonly iccTags?: readonly TlvInput[];
}

/** The pad's DUKPT state: the BDK id the server knows it by, its initial key (IPEK) and the KSN its next encryption uses. */
export interface SimulatedKeys {
  readonly bdkId: string;
  readonly ipek: Buffer;
  readonly ksn: KeySerialNumber;
}

/**
 * Makes the PIN block (ISO 9564) under the DUKPT PIN key of `ksn`. Injected: the PIN block code
 * lives in libs/crypto; the simulator only hands it the digits typed and the PAN of the card read.
 */
export type PinBlockEncryptor = (pin: string, pan: string, ksn: KeySerialNumber) => Uint8Array;

/** Which keys the cardholder presses for a prompt: digits, E (enter / OK) and C (cancel); '' = nobody presses. */
export interface Cardholder {
  keysFor(command: 'read-digits' | 'confirm-amount' | 'pin-entry'): string;
}

/** Line faults, counted in frames the pad received (ACKs and NAKs not counted). */
export interface SimulatedFaults {
  /** After N frames the pad hears nothing and says nothing. */
  readonly silentAfterFrames?: number;
  /** After N frames every byte the pad sends is garbage. */
  readonly garbageAfterFrames?: number;
  /** After N frames the next frame the pad sends has a wrong check byte (once; its resend is good). */
  readonly badCheckByteAfterFrames?: number;
  /** The Nth frame the pad receives (1 = the first) is lost on the line, once; later ones arrive. */
  readonly loseFrame?: number;
  /** After N frames the pad drops the line (closes the socket or the port). */
  readonly dropLineAfterFrames?: number;
  /** Every answer comes this late. */
  readonly answerDelayMs?: number;
}

export interface PinPadSimulatorConfig {
  readonly serialNumber: string;
  readonly model?: string;
  readonly firmware?: string;
  readonly keys: SimulatedKeys;
  /** No card: a card read waits for its timeout. */
  readonly card?: SimulatedCard;
  /** The reader fails to read the card presented. */
  readonly cardReadFails?: boolean;
  readonly cardholder: Cardholder;
  /** Without one the pad answers a PIN entry with not-supported. */
  readonly encryptPin?: PinBlockEncryptor;
  readonly faults?: SimulatedFaults;
}
