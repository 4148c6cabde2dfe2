import { bytesToHex, xorBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { tdesDecryptCbc, tdesEncryptEcb } from '../des/tdes.cipher';
import { assertPin, assertPinBlockPan, nibbles, pinDigitsOf } from './pin-block-input.util';

/**
 * ISO 9564-1 format 0 (ANSI X9.8): PIN field `0 N PIN F...F` xor PAN field `0000` + the 12
 * rightmost PAN digits before the check digit, TDES-ECB under the PIN key. 8 bytes.
 */
export function format0PanField(pan: string): Buffer {
  return nibbles(`0000${pan.slice(0, -1).slice(-12).padStart(12, '0')}`);
}

function pinField(pin: string): Buffer {
  return nibbles(`0${pin.length.toString(16)}${pin}`.padEnd(16, 'F'));
}

/** The clear (not yet encrypted) format 0 block; the device side, for tests and simulators. */
export function format0ClearBlock(pin: string, pan: string): Buffer {
  assertPin(pin);
  assertPinBlockPan(pan);
  const field = pinField(pin);
  try {
    return xorBytes(field, format0PanField(pan));
  } finally {
    field.fill(0);
  }
}

/** Encrypts `pin` for `pan` as a format 0 PIN block under a TDES PIN key (e.g. the DUKPT PIN key). */
export function encryptPinBlockFormat0(pinKey: Uint8Array, pin: string, pan: string): Buffer {
  const clear = format0ClearBlock(pin, pan);
  try {
    return tdesEncryptEcb(pinKey, clear);
  } finally {
    clear.fill(0);
  }
}

/** Decrypts a format 0 PIN block for `pan`; a block that does not hold a PIN is refused without showing it. */
export function decryptPinBlockFormat0(pinKey: Uint8Array, pinBlock: Uint8Array, pan: string): string {
  assertPinBlockPan(pan);
  if (pinBlock.length !== 8) throw new CryptoInputError('pinBlock', `a format 0 PIN block is 8 bytes, has ${pinBlock.length}`);
  // One block under a zero IV: CBC decryption is ECB decryption.
  const decrypted = tdesDecryptCbc(pinKey, pinBlock);
  const clear = xorBytes(decrypted, format0PanField(pan));
  decrypted.fill(0);
  const pin = pinDigitsOf(bytesToHex(clear), '0', 'F');
  clear.fill(0);
  if (pin === null) {
    throw new CryptoInputError('pinBlock', 'does not decrypt to a format 0 PIN field (wrong key or PAN, or a corrupted block)');
  }
  return pin;
}
