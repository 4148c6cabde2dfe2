import fc from 'fast-check';

import { bytesToHex, hexToBytes } from '../bytes.util';
import { InMemoryBdkStore } from '../card-data/bdk.store';
import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_AES_TEST_INITIAL_KSN, ANSI_TEST_BDK } from '../dukpt/ansi-test-keys';
import { AesDukptKeyUsage, deriveAesInitialKey, deriveAesTransactionKey, deriveAesWorkingKey } from '../dukpt/aes-dukpt.kdf';
import { AesKeySerialNumber } from '../dukpt/aes-key-serial-number.model';
import { decryptPinBlockFormat0 } from '../pin-block/pin-block-format0.cipher';
import { encryptPinBlockFormat4 } from '../pin-block/pin-block-format4.cipher';
import { SoftwarePinTranslator } from './software-pin.translator';
import { InMemoryZonePinKeyStore, TEST_ZONE_PIN_KEY } from './zone-pin-key.store';

/*
 * X9.24-3-2017 supplement, "Calculation of AES PIN Block Format 4": PIN 1234, PAN 4111111111111111,
 * AES-128 sample BDK, KSN 123456789012345600000001 (PIN key AF8CB133...), random fill
 * 2F69ADDE2E9E7ACE: the published block A912150391AB65A67E52883D81CE2D15.
 */
const PUBLISHED_BLOCK = 'A912150391AB65A67E52883D81CE2D15';
const PUBLISHED_PAN = '4111111111111111';
const KSN = AesKeySerialNumber.parse(ANSI_AES_TEST_INITIAL_KSN);
const ZPK = hexToBytes(TEST_ZONE_PIN_KEY, 'zpk');

const translator = new SoftwarePinTranslator(
  InMemoryBdkStore.fromConfig(`tdes:${ANSI_TEST_BDK},aes128:aes128:${ANSI_AES128_TEST_BDK},aes256:aes256:${ANSI_AES256_TEST_BDK}`),
  InMemoryZonePinKeyStore.fromConfig(`acme:${TEST_ZONE_PIN_KEY}`),
);

function aesPinKey(bdkHex: string, counter: number): Buffer {
  const ksn = KSN.withCounter(counter);
  return deriveAesWorkingKey(deriveAesTransactionKey(deriveAesInitialKey(hexToBytes(bdkHex, 'bdk'), ksn), ksn), ksn, AesDukptKeyUsage.pinEncryption);
}

const deviceBlock = (overrides: Partial<Parameters<SoftwarePinTranslator['translate']>[0]> = {}) => ({
  pinBlock: PUBLISHED_BLOCK,
  format: 4 as const,
  ksn: KSN.withCounter(1).toHex(),
  bdkId: 'aes128',
  pan: PUBLISHED_PAN,
  ...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the translation to fail');
    },
    (error: Error) => error,
  );
}

describe('SoftwarePinTranslator, format 4 blocks from AES DUKPT PIN pads', () => {
  it('translates the published format 4 block to format 0 under the acquirer ZPK: the PIN comes back under the ZPK', async () => {
    const translated = await translator.translate(deviceBlock(), 'acme');
    expect(translated.format).toBe(0);
    expect(translated.pinBlock).toMatch(/^[0-9A-F]{16}$/);
    expect(decryptPinBlockFormat0(ZPK, hexToBytes(translated.pinBlock, 'pinBlock'), PUBLISHED_PAN)).toBe('1234');
  });

  it('translates any PIN of 4-12 digits for any PAN, from AES-128 and AES-256 BDKs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9]{4,12}$/),
        fc.stringMatching(/^[0-9]{12,19}$/),
        fc.constantFrom(['aes128', ANSI_AES128_TEST_BDK], ['aes256', ANSI_AES256_TEST_BDK]),
        fc.integer({ min: 1, max: 64 }),
        async (pin, pan, [bdkId, bdk], counter) => {
          const pinBlock = bytesToHex(encryptPinBlockFormat4(aesPinKey(bdk, counter), pin, pan));
          const translated = await translator.translate(deviceBlock({ pinBlock, pan, bdkId, ksn: KSN.withCounter(counter).toHex() }), 'acme');
          expect(decryptPinBlockFormat0(ZPK, hexToBytes(translated.pinBlock, 'pinBlock'), pan)).toBe(pin);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([
    ['a format 4 block with a TDES KSN', deviceBlock({ bdkId: 'tdes', ksn: 'FFFF9876543210E00001' }), 'format: a format 4 PIN block is made under AES DUKPT'],
    ['a format 0 block from an AES pad', deviceBlock({ format: 0, pinBlock: '0123456789ABCDEF' }), 'format: a format 0 PIN block is made under TDES DUKPT'],
    ['a TDES KSN under the AES BDK', deviceBlock({ ksn: 'FFFF9876543210E00001' }), 'ksn: a TDES DUKPT KSN (20 hex digits) under BDK "aes128"'],
    ['a 16-hex-digit block', deviceBlock({ pinBlock: PUBLISHED_BLOCK.slice(0, 16) }), 'pinBlock: must be 32 hex digits'],
    ['a block under another KSN', deviceBlock({ ksn: KSN.withCounter(2).toHex() }), 'pinBlock: does not decrypt to a format 4 PIN block'],
    ['a block bound to another PAN', deviceBlock({ pan: '4012345678909' }), 'pinBlock: does not decrypt to a format 4 PIN block'],
    ['a block under the AES-256 BDK of the same KSN', deviceBlock({ bdkId: 'aes256' }), 'pinBlock: does not decrypt to a format 4 PIN block'],
    ['an unknown BDK id', deviceBlock({ bdkId: 'nope' }), 'bdkId: unknown BDK id "nope"'],
  ])('refuses %s with an error naming the field, without the PIN, block or PAN', async (_case, block, message) => {
    const error = await failureOf(translator.translate(block, 'acme'));
    expect(error.name).toBe('CryptoInputError');
    expect(error.message).toContain(message);
    for (const secret of ['1234', block.pan, block.pinBlock, TEST_ZONE_PIN_KEY, ANSI_AES128_TEST_BDK]) expect(error.message).not.toContain(secret);
  });

  it('refuses a format 4 block for an acquirer without a zone PIN key as a missing key', async () => {
    const error = await failureOf(translator.translate(deviceBlock(), 'other'));
    expect(error.message).toBe('zone: no zone PIN key for "other"');
  });
});
