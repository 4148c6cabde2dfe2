import { aesDecryptCbc } from '../aes/aes.cipher';
import { hexToBytes } from '../bytes.util';
import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_AES_TEST_INITIAL_KSN, ANSI_TEST_BDK } from '../dukpt/ansi-test-keys';
import { deriveAesInitialKey } from '../dukpt/aes-dukpt.kdf';
import { AesKeySerialNumber } from '../dukpt/aes-key-serial-number.model';
import { InMemoryBdkStore } from './bdk.store';
import { encryptAesCardData } from './card-data.cipher';
import { CardDataDecryptor } from './card-data.decryptor';

/*
 * X9.24-3-2017 Annex B sample BDKs and initial key id 1234567890123456 (see aes-dukpt.kdf.spec.ts
 * for the published derivations): the card block is AES-CBC, zero IV, under the published
 * "data encryption, encrypt" working key of the read's counter.
 */
const KSN = AesKeySerialNumber.parse(ANSI_AES_TEST_INITIAL_KSN);
const INITIAL_KEY_128 = deriveAesInitialKey(hexToBytes(ANSI_AES128_TEST_BDK, 'bdk'), KSN);
const INITIAL_KEY_256 = deriveAesInitialKey(hexToBytes(ANSI_AES256_TEST_BDK, 'bdk'), KSN);
const CARD = { pan: '4761739001010010', expiry: '3012', serviceCode: '201', discretionaryData: '0000000' };

const sut = new CardDataDecryptor(
  InMemoryBdkStore.fromConfig(`tdes:${ANSI_TEST_BDK},aes128:aes128:${ANSI_AES128_TEST_BDK},aes256:AES256:${ANSI_AES256_TEST_BDK}`, 'CARD_BDKS'),
);

describe('CardDataDecryptor with AES DUKPT (X9.24-3) card blocks', () => {
  it('encrypts under the published data encryption (encrypt) key of the counter, AES-CBC zero IV, and decrypts back to track 2', () => {
    const block = encryptAesCardData(INITIAL_KEY_128, 'aes128', KSN.withCounter(1), CARD);
    expect(block.ksn).toBe('123456789012345600000001');
    expect(block.ciphertext).toMatch(/^[0-9A-F]{64}$/); // 31 track 2 characters in two 16-byte blocks
    const published = hexToBytes('A35C412EFD41FDB98B69797C02DCD08F', 'key'); // X9.24-3 supplement, counter 1
    const clear = aesDecryptCbc(published, Buffer.alloc(16), hexToBytes(block.ciphertext, 'ciphertext'));
    expect(clear.toString('latin1').replace(/\0+$/, '')).toBe('4761739001010010=30122010000000');
    expect(sut.decrypt(block)).toEqual(CARD);
  });

  it('takes AES-256 BDKs, and the published counter 2 key for the next read', () => {
    const block256 = encryptAesCardData(INITIAL_KEY_256, 'aes256', KSN.withCounter(7), CARD);
    expect(sut.decrypt(block256)).toEqual(CARD);
    const next = encryptAesCardData(INITIAL_KEY_128, 'aes128', KSN.withCounter(2), CARD);
    const published = hexToBytes('D639514AA33AC43AD9229E433D6D4E5B', 'key');
    expect(aesDecryptCbc(published, Buffer.alloc(16), hexToBytes(next.ciphertext, 'ciphertext')).toString('latin1')).toMatch(/^4761739001010010=/);
  });

  it('refuses a TDES KSN under an AES BDK and an AES KSN under a TDES BDK, naming the field and the BDK', () => {
    const block = encryptAesCardData(INITIAL_KEY_128, 'aes128', KSN.withCounter(1), CARD);
    expect(() => sut.decrypt({ ...block, ksn: 'FFFF9876543210E00001' })).toThrow(
      'ksn: a TDES DUKPT KSN (20 hex digits) under BDK "aes128", an AES-128 BDK (its KSNs have 24)',
    );
    expect(() => sut.decrypt({ ...block, bdkId: 'tdes' })).toThrow('ksn: an AES DUKPT KSN (24 hex digits) under BDK "tdes", a TDES BDK (its KSNs have 20)');
  });

  it('refuses a wrong KSN, counter 0, ragged or oversized ciphertext, without showing what it decrypted to', () => {
    const block = encryptAesCardData(INITIAL_KEY_128, 'aes128', KSN.withCounter(1), CARD);
    expect(() => sut.decrypt({ ...block, ksn: '123456789012345600000002' })).toThrow(/^ciphertext: does not decrypt to track 2 data/);
    expect(() => sut.decrypt({ ...block, bdkId: 'aes256' })).toThrow(/^ciphertext: does not decrypt to track 2 data/);
    expect(() => sut.decrypt({ ...block, ksn: '123456789012345600000000' })).toThrow('ksn: has a transaction counter no X9.24-3 device uses');
    expect(() => sut.decrypt({ ...block, ciphertext: block.ciphertext.slice(0, 40) })).toThrow(
      'ciphertext: must be 16-48 bytes in whole 16-byte blocks, has 20',
    );
    expect(() => sut.decrypt({ ...block, ciphertext: block.ciphertext + '00'.repeat(32) })).toThrow('has 64');
  });

  it('reads the scheme of each CARD_BDKS entry and refuses a key of the wrong size by entry, never echoing it', () => {
    expect(sut.decrypt(encryptAesCardData(INITIAL_KEY_128, 'aes128', KSN.withCounter(3), CARD)).pan).toBe(CARD.pan);
    const cases: Array<[string, string]> = [
      [`a:aes256:${ANSI_AES128_TEST_BDK}`, 'CARD_BDKS.a: must be 64 hex digits (32 bytes), has 32'],
      [`a:aes128:${ANSI_AES256_TEST_BDK}`, 'CARD_BDKS.a: must be 32 hex digits (16 bytes), has 64'],
      [`a:${ANSI_AES256_TEST_BDK}`, 'CARD_BDKS.a: must be 32 hex digits (16 bytes), has 64'],
      [`a:des:${ANSI_TEST_BDK}`, 'CARD_BDKS.a: the DUKPT scheme must be tdes, aes128 or aes256'],
    ];
    for (const [spec, message] of cases) {
      let error = '';
      try {
        InMemoryBdkStore.fromConfig(spec, 'CARD_BDKS');
      } catch (thrown) {
        error = (thrown as Error).message;
      }
      expect(error).toBe(message);
      expect(error).not.toContain(ANSI_AES128_TEST_BDK.slice(0, 8));
    }
  });
});
