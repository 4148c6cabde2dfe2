import { hexToBytes } from '../bytes.util';
import { InMemoryBdkStore } from '../card-data/bdk.store';
import { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN } from '../dukpt/ansi-test-keys';
import { deriveIpek, deriveTransactionKey, pinEncryptionKey } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { decryptPinBlockFormat0, encryptPinBlockFormat0 } from '../pin-block/pin-block-format0.cipher';
import { SoftwarePinTranslator } from './software-pin.translator';
import { InMemoryZonePinKeyStore, TEST_ZONE_PIN_KEY } from './zone-pin-key.store';

const PAN = '4012345678909';
const PIN = '2580';
const KSN = KeySerialNumber.parse(ANSI_TEST_INITIAL_KSN).withCounter(7);
const DUKPT_PIN_KEY = pinEncryptionKey(deriveTransactionKey(deriveIpek(hexToBytes(ANSI_TEST_BDK, 'bdk'), KSN), KSN));
const ZPK = hexToBytes(TEST_ZONE_PIN_KEY, 'zpk');

const translator = new SoftwarePinTranslator(
  InMemoryBdkStore.fromConfig(`ansi:${ANSI_TEST_BDK}`),
  InMemoryZonePinKeyStore.fromConfig(`acme:${TEST_ZONE_PIN_KEY}`),
);
const deviceBlock = (overrides: Partial<Parameters<SoftwarePinTranslator['translate']>[0]> = {}) => ({
  pinBlock: encryptPinBlockFormat0(DUKPT_PIN_KEY, PIN, PAN).toString('hex'),
  format: 0 as const,
  ksn: KSN.toHex(),
  bdkId: 'ansi',
  pan: PAN,
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

describe('SoftwarePinTranslator', () => {
  it('re-encrypts the PIN pad block under the acquirer ZPK: decrypting that gives the PIN back', async () => {
    const translated = await translator.translate(deviceBlock(), 'acme');
    expect(translated.format).toBe(0);
    expect(translated.pinBlock).toMatch(/^[0-9A-F]{16}$/);
    expect(translated.pinBlock).not.toBe(deviceBlock().pinBlock.toUpperCase());
    expect(decryptPinBlockFormat0(ZPK, hexToBytes(translated.pinBlock, 'pinBlock'), PAN)).toBe(PIN);
  });

  it.each([
    ['an unknown BDK id', deviceBlock({ bdkId: 'nope' }), 'acme', 'bdkId: unknown BDK id "nope"'],
    ['an acquirer without a ZPK', deviceBlock(), 'other', 'zone: no zone PIN key for "other"'],
    ['a block that is not 16 hex digits', deviceBlock({ pinBlock: '12AB' }), 'acme', 'pinBlock: must be 16 hex digits'],
    ['a block under another KSN', deviceBlock({ ksn: KSN.withCounter(8).toHex() }), 'acme', 'pinBlock: does not decrypt to a format 0 PIN block'],
    ['a block bound to another PAN', deviceBlock({ pan: '4111111111111111' }), 'acme', 'pinBlock: does not decrypt to a format 0 PIN block'],
    ['a malformed KSN', deviceBlock({ ksn: 'XYZ' }), 'acme', 'ksn:'],
  ])('refuses %s with an error naming the field, without the PIN, block or PAN', async (_case, block, zone, message) => {
    const error = await failureOf(translator.translate(block, zone));
    expect(error.name).toBe('CryptoInputError');
    expect(error.message).toContain(message);
    for (const secret of [PIN, PAN, block.pan, block.pinBlock, block.pinBlock.toUpperCase(), TEST_ZONE_PIN_KEY, ANSI_TEST_BDK]) {
      expect(error.message).not.toContain(secret);
    }
  });

  it('refuses a corrupted block (one bit flipped) as a malformed PIN block', async () => {
    const block = deviceBlock();
    const flipped = (Number.parseInt(block.pinBlock.slice(0, 2), 16) ^ 0x01).toString(16).padStart(2, '0') + block.pinBlock.slice(2);
    const error = await failureOf(translator.translate({ ...block, pinBlock: flipped }, 'acme'));
    expect(error.message).toMatch(/^pinBlock: does not decrypt/);
  });

  it('reads zone PIN keys from configuration, naming a bad entry without its key', () => {
    expect(() => InMemoryZonePinKeyStore.fromConfig('acme:0123', 'ACQUIRER_ZPKS')).toThrow('ACQUIRER_ZPKS.acme: must be 32 hex digits');
    expect(() => InMemoryZonePinKeyStore.fromConfig('0123', 'ACQUIRER_ZPKS')).toThrow('ACQUIRER_ZPKS[0]: must be acquirerId:hexKey');
    expect(() => InMemoryZonePinKeyStore.fromConfig(`a:${TEST_ZONE_PIN_KEY},a:${TEST_ZONE_PIN_KEY}`, 'ACQUIRER_ZPKS')).toThrow('"a" is listed twice');
  });
});
