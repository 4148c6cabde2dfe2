import { bytesToHex, hexToBytes } from '../bytes.util';
import { aesDecryptCbc, aesEncryptCbc } from './aes.cipher';

// NIST SP 800-38A, F.2.1 (CBC-AES128) and F.2.5 (CBC-AES256), first two blocks.
const IV = hexToBytes('000102030405060708090A0B0C0D0E0F', 'iv');
const PLAIN = hexToBytes('6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51', 'plain');

describe('AES-CBC', () => {
  it.each([
    ['AES-128', '2B7E151628AED2A6ABF7158809CF4F3C', '7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B2'],
    ['AES-256', '603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4', 'F58C4C04D6E5F1BA779EABFB5F7BFBD69CFC4E967EDB808D679F777BC6702C7D'],
  ])('gives the NIST SP 800-38A %s CBC vectors both ways', (_name, keyHex, cipherHex) => {
    const key = hexToBytes(keyHex, 'key');
    expect(bytesToHex(aesEncryptCbc(key, IV, PLAIN))).toBe(cipherHex);
    expect(bytesToHex(aesDecryptCbc(key, IV, hexToBytes(cipherHex, 'ciphertext')))).toBe(bytesToHex(PLAIN));
  });

  it('refuses ragged data and a short IV', () => {
    const key = Buffer.alloc(16);
    expect(() => aesEncryptCbc(key, IV, Buffer.alloc(15))).toThrow('data: must be whole 16-byte blocks, has 15 bytes');
    expect(() => aesDecryptCbc(key, Buffer.alloc(8), Buffer.alloc(16))).toThrow('iv: must be 16 bytes, has 8');
  });
});
