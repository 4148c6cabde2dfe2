import { randomBytes } from 'node:crypto';

import { bytesToHex, xorBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';
import { aesDecryptEcb, aesEncryptEcb } from '../aes/aes.cipher';
import { assertPin, assertPinBlockPan, nibbles, pinDigitsOf } from './pin-block-input.util';

/** Where format 4 takes its 8 random fill bytes: crypto.randomBytes, or fixed bytes in tests. */
export type RandomSource = (size: number) => Buffer;

/**
 * ISO 9564-1:2017 format 4 (AES, 16 bytes). PIN field: `4 N PIN A...A` to 16 nibbles, then 8
 * random bytes. PAN field: `M` (PAN length - 12) then the PAN, zero-filled to 32 nibbles.
 * Encipherment: A = E(K, PIN field); block = E(K, A xor PAN field).
 */
export function format4PanField(pan: string): Buffer {
  return nibbles(`${(pan.length - 12).toString(16)}${pan}`.padEnd(32, '0'));
}

/** The clear format 4 PIN field; the device side, for tests and simulators. */
export function format4PinField(pin: string, random: RandomSource = randomBytes): Buffer {
  assertPin(pin);
  const fill = random(8);
  if (fill.length !== 8) throw new CryptoInputError('random', `must give 8 bytes, gave ${fill.length}`);
  const digits = nibbles(`4${pin.length.toString(16)}${pin}`.padEnd(16, 'A'));
  try {
    return Buffer.concat([digits, fill]);
  } finally {
    digits.fill(0);
  }
}

/** Encrypts `pin` for `pan` as a format 4 PIN block under an AES PIN key (e.g. the AES DUKPT PIN key). */
export function encryptPinBlockFormat4(pinKey: Uint8Array, pin: string, pan: string, random: RandomSource = randomBytes): Buffer {
  assertPinBlockPan(pan);
  const field = format4PinField(pin, random);
  const intermediate = aesEncryptEcb(pinKey, field);
  field.fill(0);
  const mixed = xorBytes(intermediate, format4PanField(pan));
  try {
    return aesEncryptEcb(pinKey, mixed);
  } finally {
    intermediate.fill(0);
    mixed.fill(0);
  }
}

/**
 * The clear format 4 PIN field of a block for `pan` (16 bytes, the caller wipes it): A = D(K, block)
 * xor PAN field, field = D(K, A). Not checked: a wrong key or PAN gives noise.
 */
export function decryptFormat4PinField(pinKey: Uint8Array, pinBlock: Uint8Array, pan: string): Buffer {
  assertPinBlockPan(pan);
  if (pinBlock.length !== 16) throw new CryptoInputError('pinBlock', `a format 4 PIN block is 16 bytes, has ${pinBlock.length}`);
  const intermediate = aesDecryptEcb(pinKey, pinBlock);
  const mixed = xorBytes(intermediate, format4PanField(pan));
  try {
    return aesDecryptEcb(pinKey, mixed);
  } finally {
    intermediate.fill(0);
    mixed.fill(0);
  }
}

/** Decrypts a format 4 PIN block for `pan`; a block that does not hold a PIN is refused without showing it. */
export function decryptPinBlockFormat4(pinKey: Uint8Array, pinBlock: Uint8Array, pan: string): string {
  const field = decryptFormat4PinField(pinKey, pinBlock, pan);
  const pin = pinDigitsOf(bytesToHex(field), '4', 'A');
  field.fill(0);
  if (pin === null) {
    throw new CryptoInputError('pinBlock', 'does not decrypt to a format 4 PIN field (wrong key or PAN, or a corrupted block)');
  }
  return pin;
}
