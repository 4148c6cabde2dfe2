import {
  ANSI_AES128_TEST_BDK,
  ANSI_AES256_TEST_BDK,
  CardDataDecryptor,
  decryptPinBlockFormat0,
  hexToBytes,
  InMemoryBdkStore,
  InMemoryZonePinKeyStore,
  SoftwarePinTranslator,
  TEST_ZONE_PIN_KEY,
} from '@payments/crypto';

import { TestAesPinPad } from './test-aes-pin-pad';

const VISA = { pan: '4761739001010010', expiry: '3012', serviceCode: '201' };
const BDKS = InMemoryBdkStore.fromConfig(`ansi-aes128-test-bdk:aes128:${ANSI_AES128_TEST_BDK},ansi-aes256-test-bdk:aes256:${ANSI_AES256_TEST_BDK}`);

describe(TestAesPinPad.name, () => {
  const decryptor = new CardDataDecryptor(BDKS);

  it.each(['aes128', 'aes256'] as const)('makes %s card blocks the server opens, stepping the 24-hex-digit KSN per read', (keyType) => {
    const sut = TestAesPinPad.withAnsiTestKey(keyType);
    expect(sut.currentKsn).toBe('123456789012345600000000');
    const first = sut.readCard(VISA);
    expect(first).toMatchObject({ bdkId: `ansi-${keyType}-test-bdk`, ksn: '123456789012345600000001' });
    expect(sut.readCard(VISA).ksn).toBe('123456789012345600000002');
    expect(decryptor.decrypt(first)).toEqual({ ...VISA, discretionaryData: '' });
  });

  it("enters a format 4 PIN under the read's KSN that the server translates to the zone PIN key", async () => {
    const sut = TestAesPinPad.withAnsiTestKey('aes256');
    const card = sut.readCard(VISA);
    const pin = sut.enterPin('1234', VISA.pan);
    expect(pin).toMatchObject({ format: 4, pinBlock: expect.stringMatching(/^[0-9A-F]{32}$/) });
    const translator = new SoftwarePinTranslator(BDKS, InMemoryZonePinKeyStore.fromConfig(`acme:${TEST_ZONE_PIN_KEY}`));
    const zone = await translator.translate({ ...pin, ksn: card.ksn, bdkId: card.bdkId, pan: VISA.pan }, 'acme');
    expect(decryptPinBlockFormat0(hexToBytes(TEST_ZONE_PIN_KEY, 'zpk'), hexToBytes(zone.pinBlock, 'pinBlock'), VISA.pan)).toBe('1234');
  });
});
