import { bytesToHex, hexToBytes } from '../bytes.util';
import { aesDecryptEcb, aesEncryptEcb } from './aes.cipher';
import { aesCmac } from './aes-cmac.util';

// RFC 4493 section 4 (AES-128) and NIST SP 800-38B Appendix D.3 (AES-256): the same four messages.
const MESSAGE = hexToBytes(
  '6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710',
  'message',
);
const AES128_KEY = hexToBytes('2B7E151628AED2A6ABF7158809CF4F3C', 'key');
const AES256_KEY = hexToBytes('603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4', 'key');

describe(aesCmac.name, () => {
  it.each([
    ['RFC 4493 example 1 (empty)', AES128_KEY, 0, 'BB1D6929E95937287FA37D129B756746'],
    ['RFC 4493 example 2 (one block)', AES128_KEY, 16, '070A16B46B4D4144F79BDD9DD04A287C'],
    ['RFC 4493 example 3 (40 bytes, padded)', AES128_KEY, 40, 'DFA66747DE9AE63030CA32611497C827'],
    ['RFC 4493 example 4 (four blocks)', AES128_KEY, 64, '51F0BEBF7E3B9D92FC49741779363CFE'],
    ['SP 800-38B D.3 example 9 (AES-256, empty)', AES256_KEY, 0, '028962F61B7BF89EFC6B551F4667D983'],
    ['SP 800-38B D.3 example 10 (AES-256, one block)', AES256_KEY, 16, '28A7023F452E8F82BD4BF28D8C37C35C'],
    ['SP 800-38B D.3 example 11 (AES-256, 40 bytes)', AES256_KEY, 40, 'AAF3D8F1DE5640C232F5B169B9C911E6'],
    ['SP 800-38B D.3 example 12 (AES-256, four blocks)', AES256_KEY, 64, 'E1992190549F6ED5696A2C056C315410'],
  ])('gives the published tag: %s', (_case, key, length, tag) => {
    expect(bytesToHex(aesCmac(key, MESSAGE.subarray(0, length)))).toBe(tag);
  });

  it('changes with any bit of the message', () => {
    const flipped = Buffer.from(MESSAGE.subarray(0, 40));
    flipped[39] = (flipped[39] ?? 0) ^ 1;
    expect(bytesToHex(aesCmac(AES128_KEY, flipped))).not.toBe('DFA66747DE9AE63030CA32611497C827');
  });
});

describe('AES-ECB', () => {
  it('encrypts the FIPS 197 Appendix C.1 block and decrypts it back', () => {
    const key = hexToBytes('000102030405060708090A0B0C0D0E0F', 'key');
    const plain = hexToBytes('00112233445566778899AABBCCDDEEFF', 'plain');
    const cipher = aesEncryptEcb(key, plain);
    expect(bytesToHex(cipher)).toBe('69C4E0D86A7B0430D8CDB78070B4C55A');
    expect(bytesToHex(aesDecryptEcb(key, cipher))).toBe('00112233445566778899AABBCCDDEEFF');
  });

  it('names a wrong key size or a ragged block without echoing either', () => {
    expect(() => aesEncryptEcb(Buffer.alloc(15), Buffer.alloc(16))).toThrow('key: AES key must be 16, 24 or 32 bytes, has 15');
    expect(() => aesDecryptEcb(Buffer.alloc(16), Buffer.alloc(17))).toThrow('ciphertext: must be whole 16-byte blocks, has 17 bytes');
  });
});
