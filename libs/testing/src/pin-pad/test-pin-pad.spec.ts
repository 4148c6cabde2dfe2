import { CardDataDecryptor, InMemoryBdkStore } from '@payments/crypto';

import { ANSI_TEST_BDK, TestPinPad } from './test-pin-pad';

const VISA = { pan: '4242424242424242', expiry: '3003', serviceCode: '201' };
const MC = { pan: '5555555555554444', expiry: '3012', serviceCode: '101', discretionaryData: '12345' };

describe(TestPinPad.name, () => {
  const decryptor = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`ansi-test-bdk:${ANSI_TEST_BDK}`));

  it('produces blocks the server decryptor opens into the card read', () => {
    const sut = TestPinPad.withAnsiTestKey();
    expect(decryptor.decrypt(sut.readCard(VISA))).toEqual({ ...VISA, discretionaryData: '' });
    expect(decryptor.decrypt(sut.readCard(MC))).toEqual(MC);
  });

  it('steps its KSN counter per read, starting at 1 after injection', () => {
    const sut = TestPinPad.withAnsiTestKey('ansi-test-bdk');
    expect(sut.currentKsn).toBe('FFFF9876543210E00000');
    const first = sut.readCard(VISA);
    const second = sut.readCard(VISA);
    expect(first).toMatchObject({ bdkId: 'ansi-test-bdk', ksn: 'FFFF9876543210E00001' });
    expect(second.ksn).toBe('FFFF9876543210E00002');
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(sut.currentKsn).toBe('FFFF9876543210E00002');
  });

  it('resumes from an injected counter and skips counters with more than ten one-bits', () => {
    const sut = new TestPinPad({ bdkId: 'ansi-test-bdk', bdk: ANSI_TEST_BDK, initialKsn: 'FFFF9876543210EFFC00' });
    const block = sut.readCard(VISA);
    expect(block.ksn).toBe('FFFF9876543210F00000');
    expect(decryptor.decrypt(block).pan).toBe(VISA.pan);
  });

  it('is opened only with the BDK it was keyed from', () => {
    const sut = new TestPinPad({ bdkId: 'ansi-test-bdk', bdk: '00112233445566778899AABBCCDDEEFF', initialKsn: 'FFFF0000000001E00000' });
    expect(() => decryptor.decrypt(sut.readCard(VISA))).toThrow('does not decrypt to track 2 data');
  });

  it('refuses card data that is not valid track 2 without echoing it', () => {
    const sut = TestPinPad.withAnsiTestKey();
    expect(() => sut.readCard({ ...VISA, serviceCode: '2A1' })).toThrow('track2.serviceCode: must be three digits');
    expect(() => sut.readCard({ ...VISA, pan: '4242' })).toThrow('track2.pan: must have 12-19 digits, has 4');
    expect(sut.currentKsn).toBe('FFFF9876543210E00000');
  });

  it('refuses malformed keys by option name', () => {
    expect(() => new TestPinPad({ bdkId: 'x', bdk: 'ABCD', initialKsn: 'FFFF9876543210E00000' })).toThrow('bdk: must be 32 hex digits (16 bytes), has 4');
    expect(() => new TestPinPad({ bdkId: 'x', bdk: ANSI_TEST_BDK, initialKsn: 'FFFF' })).toThrow('initialKsn: must be 20 hex digits');
  });
});
