import { PAN_MAX_LENGTH, PAN_MIN_LENGTH } from '@payments/card';

import { CryptoInputError } from '../crypto-input.error';

/** ISO 9564-1: a PIN has 4 to 12 digits. */
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 12;

/** The two ISO 9564-1 PIN block formats built here: 0 (TDES, 8 bytes) and 4 (AES, 16 bytes). */
export type PinBlockFormat = 0 | 4;

/** Checks a PIN; the message never contains it, nor its length (PCI PIN requirement 1). */
export function assertPin(pin: string): void {
  if (!new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)) {
    throw new CryptoInputError('pin', `must be ${PIN_MIN_LENGTH}-${PIN_MAX_LENGTH} digits`);
  }
}

/** Checks the PAN a PIN block is bound to; the message never contains it. */
export function assertPinBlockPan(pan: string): void {
  if (!/^[0-9]+$/.test(pan)) throw new CryptoInputError('pan', 'must be digits only');
  if (pan.length < PAN_MIN_LENGTH || pan.length > PAN_MAX_LENGTH) {
    throw new CryptoInputError('pan', `must have ${PAN_MIN_LENGTH}-${PAN_MAX_LENGTH} digits, has ${pan.length}`);
  }
}

/** Packs hex nibbles written as text ('0'-'9', 'A'-'F') into bytes. */
export function nibbles(text: string): Buffer {
  return Buffer.from(text, 'hex');
}

/**
 * Reads the PIN from the first 16 nibbles of a clear PIN field (hex text): control nibble, length
 * nibble, the digits, then `fill` to the 16th; null when they do not make a PIN field.
 */
export function pinDigitsOf(field: string, control: string, fill: string): string | null {
  const length = Number.parseInt(field[1] ?? '', 16);
  if (field[0] !== control || !(length >= PIN_MIN_LENGTH && length <= PIN_MAX_LENGTH)) return null;
  const pin = field.slice(2, 2 + length);
  const padding = field.slice(2 + length, 16);
  return /^[0-9]+$/.test(pin) && padding === fill.repeat(padding.length) ? pin : null;
}
