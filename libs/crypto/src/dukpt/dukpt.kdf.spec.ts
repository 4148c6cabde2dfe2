import { bytesToHex, hexToBytes } from '../bytes.util';
import { tdesEncryptEcb } from '../des/tdes.cipher';
import { decryptDukptData, encryptDukptData } from './dukpt-data.cipher';
import { dataEncryptionKey, dataVariantKey, deriveIpek, deriveTransactionKey, macRequestKey, pinEncryptionKey } from './dukpt.kdf';
import { encryptPinBlockFormat0 } from '../pin-block/pin-block-format0.cipher';
import { KeySerialNumber } from './key-serial-number.model';

// ANSI X9.24-1:2009 Annex A test key and KSN (published; reproduced by many open implementations).
const BDK = hexToBytes('0123456789ABCDEFFEDCBA9876543210', 'bdk');
const KSN = KeySerialNumber.parse('FFFF9876543210E00000');
const IPEK = '6AC292FAA1315B4D858AB3A3D7D5933A';

function keyAt(counter: number): Buffer {
  return deriveTransactionKey(deriveIpek(BDK, KSN), KSN.withCounter(counter));
}

describe('DUKPT (ANSI X9.24-1:2009 Annex A, TDES)', () => {
  it('derives the published IPEK from the BDK and any KSN of the device', () => {
    expect(bytesToHex(deriveIpek(BDK, KSN))).toBe(IPEK);
    expect(bytesToHex(deriveIpek(BDK, KSN.withCounter(8)))).toBe(IPEK);
  });

  it.each([
    // counter (KSN ...E00001 .. ...EFF800), current (future) key, PIN encryption key = current key xor 00..FF00..FF
    [1, '042666B49184CFA368DE9628D0397BC9', '042666B49184CF5C68DE9628D0397B36'],
    [2, 'C46551CEF9FD24B0AA9AD834130D3BC7', 'C46551CEF9FD244FAA9AD834130D3B38'],
    [3, '0DF3D9422ACA56E547676D07AD6BADFA', '0DF3D9422ACA561A47676D07AD6BAD05'],
    [8, '27F66D5244FF62E1AA6F6120EDEB4280', '27F66D5244FF621EAA6F6120EDEB427F'],
    [0x0ff800, 'F9CDFEBF4F5B1D9EB3EC12454527E176', 'F9CDFEBF4F5B1D61B3EC12454527E189'],
  ])('derives the published keys for counter %i', (counter, currentKey, pinKey) => {
    const key = keyAt(counter);
    expect(bytesToHex(key)).toBe(currentKey);
    expect(bytesToHex(pinEncryptionKey(key))).toBe(pinKey);
  });

  it.each([
    // X9.24-1:2009 Annex A, double-length keys (also in the DUKPT2000 verify table of open
    // implementations): counter (KSN FFFF9876543210E00000 + counter), PIN key, MAC request key,
    // and the encrypted PIN block of PIN 1234 / PAN 4012345678909 (ISO format 0) under that PIN key.
    [4, '279C0F6AEED0BE9A2B2C733E1383AE6E', '279C0F6AEED041652B2C733E13835191', '0BC79509D5645DF7'],
    [5, '5F8DC6D2C845C1DA508DDC048093B8C0', '5F8DC6D2C8453E25508DDC048093473F', '5BC0AF22AD87B327'],
    [0x10, '59598DCBD9BD943F94165CE453585FA8', '59598DCBD9BD6BC094165CE45358A057', 'D5D9638559EF53D6'],
    [0x13, 'C3DF489FDF11534BF03DE97C27DC4CD0', 'C3DF489FDF11ACB4F03DE97C27DCB32F', '78649BD17D0DFA60'],
    [0x010000, '2F9A0C0B46ECCBA1F8287A7A071AF54B', '2F9A0C0B46EC345EF8287A7A071A0AB4', '19776D96D73AF1E2'],
    [0x0ff801, '5BEE92627E9782A3911BF619DF72CAC4', '5BEE92627E977D5C911BF619DF72353B', '3A86BF003F835C9D'],
    [0x100000, 'AA4D58DB653EC7B548C75F2F047DD24A', 'AA4D58DB653E384A48C75F2F047D2DB5', '73EC88AD0AC5830E'],
  ])('derives the published PIN and MAC keys and PIN block for counter %i', (counter, pinKey, macKey, pinBlock) => {
    const key = keyAt(counter);
    expect(bytesToHex(pinEncryptionKey(key))).toBe(pinKey);
    expect(bytesToHex(macRequestKey(key))).toBe(macKey);
    expect(bytesToHex(encryptPinBlockFormat0(pinEncryptionKey(key), '1234', '4012345678909'))).toBe(pinBlock);
  });

  it('derives the published MAC request key', () => {
    expect(bytesToHex(macRequestKey(keyAt(1)))).toBe('042666B4918430A368DE9628D03984C9');
    expect(bytesToHex(macRequestKey(keyAt(2)))).toBe('C46551CEF9FDDBB0AA9AD834130DC4C7');
  });

  it('encrypts the published ISO format 0 PIN block under the counter-1 PIN key', () => {
    // PIN 1234, PAN 4012345678909: clear block 041274EDCBA9876F -> 1B9C1845EB993A7A.
    const clear = hexToBytes('041274EDCBA9876F', 'pinBlock');
    expect(bytesToHex(tdesEncryptEcb(pinEncryptionKey(keyAt(1)), clear))).toBe('1B9C1845EB993A7A');
  });

  it('applies the data variant 0000000000FF0000 0000000000FF0000', () => {
    expect(bytesToHex(dataVariantKey(keyAt(8)))).toBe('27F66D52440062E1AA6F6120ED144280');
  });

  it.each([
    [1, '448D3F076D8304036A55A3D7E0055A78'],
    [8, 'C39B2778B058AC376FB18DC906F75CBA'],
    [0x13, '44893E3434ABDD6A817CE2841825E1FD'],
  ])("derives the card readers' one-way data encryption key for counter %i", (counter, expected) => {
    expect(bytesToHex(dataEncryptionKey(keyAt(counter)))).toBe(expected);
  });

  it('decrypts the published reader cryptogram (KSN ...E00008) under the data encryption key', () => {
    const ciphertext = hexToBytes(
      '411D405D7DEDB9D84797F045559721E8C06A5565FFB3B4050509277E5F80072E2410E0E6ADCBB614419700A9173807BA27C4E9D80BE67A2C32498032B200A7E3',
      'ciphertext',
    );
    const clear = decryptDukptData(dataEncryptionKey(keyAt(8)), ciphertext).toString('latin1');
    expect(clear).toBe('%B5452300551227189^HOGAN/PAUL      ^08043210000000725000000?\0\0\0\0');
  });

  it('decrypts a published EMV data block (KSN FFFF01040DA058E00001) under the data encryption key', () => {
    const ksn = KeySerialNumber.parse('FFFF01040DA058E00001');
    const key = dataEncryptionKey(deriveTransactionKey(deriveIpek(BDK, ksn), ksn));
    const ciphertext = hexToBytes('85A8A7F9390FD19EABC40B5D624190287D729923D9EDAFE9F24773388A9A1BEF', 'ciphertext');
    expect(bytesToHex(decryptDukptData(key, ciphertext))).toBe('5A08476173900101001057114761739001010010D15122011143878089000000');
  });

  it('round-trips data, padding with zero bytes to the TDES block size', () => {
    const key = dataEncryptionKey(keyAt(5));
    const ciphertext = encryptDukptData(key, Buffer.from('hello'));
    expect(ciphertext).toHaveLength(8);
    expect(decryptDukptData(key, ciphertext).toString('latin1')).toBe('hello\0\0\0');
    expect(decryptDukptData(dataEncryptionKey(keyAt(6)), ciphertext).toString('latin1')).not.toBe('hello\0\0\0');
  });

  it('rejects wrong key sizes, counters no device sends, and ragged ciphertext', () => {
    expect(() => deriveIpek(BDK.subarray(0, 8), KSN)).toThrow('bdk: must be a 16-byte (double-length) TDES key, has 8 bytes');
    expect(() => deriveTransactionKey(hexToBytes(IPEK, 'ipek'), KSN.withCounter(0x1ffc00))).toThrow('more than ten one-bits');
    expect(() => decryptDukptData(BDK, Buffer.alloc(7))).toThrow('ciphertext: must be a multiple of 8 bytes, has 7');
    expect(() => encryptDukptData(BDK, Buffer.alloc(0))).toThrow('plaintext: is empty');
  });
});
