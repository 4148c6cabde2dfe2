import fc from 'fast-check';

import { bytesToHex, hexToBytes } from '../bytes.util';
import { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN } from '../dukpt/ansi-test-keys';
import { deriveIpek, deriveTransactionKey, pinEncryptionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { decryptPinBlockFormat0, encryptPinBlockFormat0, format0ClearBlock } from './pin-block-format0.cipher';
import { decryptPinBlockFormat4, encryptPinBlockFormat4, format4PinField } from './pin-block-format4.cipher';

const KSN = KeySerialNumber.parse(ANSI_TEST_INITIAL_KSN);
const TDES_PIN_KEY_1 = pinEncryptionKey(deriveTransactionKey(deriveIpek(hexToBytes(ANSI_TEST_BDK, 'bdk'), KSN), KSN.withCounter(1)));
// X9.24-3-2017 supplement: AES-128 DUKPT PIN keys of counters 1 and 2 (see aes-dukpt.kdf.spec.ts).
const AES_PIN_KEY_1 = hexToBytes('AF8CB133A78F8DC2D1359F18527593FB', 'key');
const AES_PIN_KEY_2 = hexToBytes('D30BDC73EC9714B000BEC66BDB7B6D09', 'key');
const fixedRandom = (hex: string) => (): Buffer => hexToBytes(hex, 'random');

const pins = fc.stringMatching(/^[0-9]{4,12}$/);
const pans = fc.stringMatching(/^[0-9]{12,19}$/);

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('ISO 9564-1 format 0 PIN block', () => {
  it('builds and encrypts the ANSI X9.24-1 Annex A example (PIN 1234, PAN 4012345678909, counter-1 PIN key)', () => {
    expect(bytesToHex(format0ClearBlock('1234', '4012345678909'))).toBe('041274EDCBA9876F');
    expect(bytesToHex(encryptPinBlockFormat0(TDES_PIN_KEY_1, '1234', '4012345678909'))).toBe('1B9C1845EB993A7A');
    expect(decryptPinBlockFormat0(TDES_PIN_KEY_1, hexToBytes('1B9C1845EB993A7A', 'pinBlock'), '4012345678909')).toBe('1234');
  });

  it('uses the 12 PAN digits left of the check digit (PIN 1234, PAN 4111111111111111)', () => {
    // 041234FFFFFFFFFF xor 0000111111111111
    expect(bytesToHex(format0ClearBlock('1234', '4111111111111111'))).toBe('041225EEEEEEEEEE');
  });

  it('round-trips any PIN of 4-12 digits for any PAN of 12-19 digits', () => {
    fc.assert(
      fc.property(pins, pans, (pin, pan) => {
        expect(decryptPinBlockFormat0(TDES_PIN_KEY_1, encryptPinBlockFormat0(TDES_PIN_KEY_1, pin, pan), pan)).toBe(pin);
      }),
    );
  });

  it('refuses a block under another key without showing what it decrypted to', () => {
    const block = encryptPinBlockFormat0(TDES_PIN_KEY_1, '1234', '4012345678909');
    const other = Buffer.from(TDES_PIN_KEY_1).fill(0x11, 0, 1);
    expect(() => decryptPinBlockFormat0(other, block, '4012345678909')).toThrow(
      'pinBlock: does not decrypt to a format 0 PIN field (wrong key or PAN, or a corrupted block)',
    );
  });
});

describe('ISO 9564-1:2017 format 4 PIN block', () => {
  // X9.24-3-2017 supplement, "Calculation of AES PIN Block Format 4": PIN 1234, PAN 4111111111111111,
  // random fill 2F69ADDE2E9E7ACE (also in openemv/pinblock test/pinblock_format4_test.c).
  const PAN = '4111111111111111';
  const RANDOM = fixedRandom('2F69ADDE2E9E7ACE');

  it('builds the published PIN field and encrypts it to the published blocks under the counter 1 and 2 PIN keys', () => {
    expect(bytesToHex(format4PinField('1234', RANDOM))).toBe('441234AAAAAAAAAA2F69ADDE2E9E7ACE');
    expect(bytesToHex(encryptPinBlockFormat4(AES_PIN_KEY_1, '1234', PAN, RANDOM))).toBe('A912150391AB65A67E52883D81CE2D15');
    expect(bytesToHex(encryptPinBlockFormat4(AES_PIN_KEY_2, '1234', PAN, RANDOM))).toBe('52A00503BD34BA1383F6A7EE9FE2547F');
    expect(decryptPinBlockFormat4(AES_PIN_KEY_1, hexToBytes('A912150391AB65A67E52883D81CE2D15', 'pinBlock'), PAN)).toBe('1234');
  });

  it('fills with fresh random bytes by default, so the same PIN never gives the same block', () => {
    const a = encryptPinBlockFormat4(AES_PIN_KEY_1, '1234', PAN);
    const b = encryptPinBlockFormat4(AES_PIN_KEY_1, '1234', PAN);
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
    expect(decryptPinBlockFormat4(AES_PIN_KEY_1, b, PAN)).toBe('1234');
  });

  it('round-trips any PIN of 4-12 digits for any PAN of 12-19 digits, and an AES-256 key', () => {
    const key256 = Buffer.concat([AES_PIN_KEY_1, AES_PIN_KEY_2]);
    fc.assert(
      fc.property(pins, pans, (pin, pan) => {
        expect(decryptPinBlockFormat4(key256, encryptPinBlockFormat4(key256, pin, pan), pan)).toBe(pin);
      }),
    );
  });

  it('is bound to the PAN: another PAN or another key is refused, without showing the PIN', () => {
    fc.assert(
      fc.property(pins, pans, pans, (pin, pan, otherPan) => {
        fc.pre(pan !== otherPan);
        const block = encryptPinBlockFormat4(AES_PIN_KEY_1, pin, pan);
        const message = errorOf(() => decryptPinBlockFormat4(AES_PIN_KEY_1, block, otherPan));
        expect(message).toBe('pinBlock: does not decrypt to a format 4 PIN field (wrong key or PAN, or a corrupted block)');
        expect(errorOf(() => decryptPinBlockFormat4(AES_PIN_KEY_2, block, pan))).toBe(message);
      }),
      { numRuns: 50 },
    );
  });
});

describe('PIN block input checks', () => {
  it.each<[string, () => unknown, string]>([
    ['a 3-digit PIN', () => encryptPinBlockFormat4(AES_PIN_KEY_1, '123', '4111111111111111'), 'pin: must be 4-12 digits'],
    ['a 13-digit PIN', () => encryptPinBlockFormat0(TDES_PIN_KEY_1, '1234567890123', '4111111111111111'), 'pin: must be 4-12 digits'],
    ['letters in the PIN', () => format0ClearBlock('12a4', '4111111111111111'), 'pin: must be 4-12 digits'],
    ['letters in the PAN', () => encryptPinBlockFormat4(AES_PIN_KEY_1, '9876', '41111111X1111111'), 'pan: must be digits only'],
    ['an 11-digit PAN', () => encryptPinBlockFormat4(AES_PIN_KEY_1, '9876', '41111111111'), 'pan: must have 12-19 digits, has 11'],
    ['a 20-digit PAN', () => format0ClearBlock('9876', '41111111111111111111'), 'pan: must have 12-19 digits, has 20'],
    [
      'a short format 4 block',
      () => decryptPinBlockFormat4(AES_PIN_KEY_1, Buffer.alloc(8), '4111111111111111'),
      'pinBlock: a format 4 PIN block is 16 bytes, has 8',
    ],
    [
      'a long format 0 block',
      () => decryptPinBlockFormat0(TDES_PIN_KEY_1, Buffer.alloc(16), '4111111111111111'),
      'pinBlock: a format 0 PIN block is 8 bytes, has 16',
    ],
    ['a random source giving 4 bytes', () => format4PinField('9876', () => Buffer.alloc(4)), 'random: must give 8 bytes, gave 4'],
  ])('refuses %s by name, never echoing the PIN or the PAN', (_case, action, message) => {
    const error = errorOf(action);
    expect(error).toBe(message);
    expect(error).not.toMatch(/9876|4111111|1234567890123|12a4/);
  });
});
