import { hexToBytes } from '../bytes.util';
import { deriveIpek } from '../dukpt/dukpt.kdf';
import { KeySerialNumber } from '../dukpt/key-serial-number.model';
import { InMemoryBdkStore } from './bdk.store';
import { encryptCardData } from './card-data.cipher';
import { CardDataDecryptor } from './card-data.decryptor';

const BDK_HEX = '0123456789ABCDEFFEDCBA9876543210';
const KSN = KeySerialNumber.parse('FFFF9876543210E00000');
const IPEK = deriveIpek(hexToBytes(BDK_HEX, 'bdk'), KSN);
const CARD = { pan: '5555555555554444', expiry: '3003', serviceCode: '201', discretionaryData: '0000000' };

describe(CardDataDecryptor.name, () => {
  const sut = new CardDataDecryptor(InMemoryBdkStore.fromConfig(`test-bdk:${BDK_HEX}`));

  it("decrypts a block encrypted under the device's DUKPT data key into track 2", () => {
    const block = encryptCardData(IPEK, 'test-bdk', KSN.withCounter(3), CARD);
    expect(block.ksn).toBe('FFFF9876543210E00003');
    expect(block.ciphertext).toMatch(/^[0-9A-F]{64}$/);
    expect(sut.decrypt(block)).toEqual(CARD);
  });

  it('uses a fresh key per read: the same card gives different ciphertext', () => {
    const a = encryptCardData(IPEK, 'test-bdk', KSN.withCounter(4), CARD);
    const b = encryptCardData(IPEK, 'test-bdk', KSN.withCounter(5), CARD);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(sut.decrypt(b).pan).toBe(CARD.pan);
  });

  it('fails clearly for an unknown BDK id, a bad KSN or ragged ciphertext', () => {
    const block = encryptCardData(IPEK, 'test-bdk', KSN.withCounter(1), CARD);
    expect(() => sut.decrypt({ ...block, bdkId: 'other' })).toThrow('bdkId: unknown BDK id "other"');
    expect(() => sut.decrypt({ ...block, ksn: 'FFFF' })).toThrow('ksn: must be 20 hex digits (10 bytes), has 4');
    expect(() => sut.decrypt({ ...block, ciphertext: block.ciphertext.slice(2) })).toThrow('ciphertext: must be 8-40 bytes in whole 8-byte blocks, has 31');
    expect(() => sut.decrypt({ ...block, ciphertext: '' })).toThrow('has 0');
  });

  it('rejects data decrypted under the wrong KSN or BDK without showing it', () => {
    const block = encryptCardData(IPEK, 'test-bdk', KSN.withCounter(1), CARD);
    let message = '';
    try {
      sut.decrypt({ ...block, ksn: 'FFFF9876543210E00002' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('ciphertext: does not decrypt to track 2 data (wrong BDK, KSN or corrupted ciphertext)');
    const otherBdk = new CardDataDecryptor(new InMemoryBdkStore({ 'test-bdk': Buffer.alloc(16, 1) }));
    expect(() => otherBdk.decrypt(block)).toThrow('does not decrypt to track 2 data');
  });

  it('refuses malformed BDK configuration by entry', () => {
    expect(() => InMemoryBdkStore.fromConfig('a:0123')).toThrow('bdks.a: must be 32 hex digits (16 bytes), has 4');
    expect(() => InMemoryBdkStore.fromConfig(`a:${BDK_HEX},a:${BDK_HEX}`)).toThrow('bdkId: "a" is already present');
    expect(() => InMemoryBdkStore.fromConfig('justakey')).toThrow('bdks[0]: must be bdkId:hexKey');
  });
});
