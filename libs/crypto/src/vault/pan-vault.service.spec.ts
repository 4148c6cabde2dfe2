import { randomBytes } from 'node:crypto';

import { CryptoInputError } from '../crypto-input.error';
import { base32Encode } from './base32.util';
import { generateDevKey, generateDevVaultKeys } from './dev-keys.util';
import { KeyRing } from './key-ring.model';
import { PanVault } from './pan-vault.service';

const PAN = '4242424242424242';
const TOKEN_KEY = Buffer.alloc(32, 7);
const K1 = randomBytes(32);
const K2 = randomBytes(32);

describe(PanVault.name, () => {
  const sut = new PanVault(TOKEN_KEY, new KeyRing({ k1: K1 }, 'k1'));

  it('gives the same token for the same PAN and different tokens otherwise', () => {
    const token = sut.tokenize(PAN);
    expect(token).toMatch(/^tok_[a-z2-7]{52}$/);
    expect(sut.tokenize(PAN)).toBe(token);
    expect(sut.tokenize('5555555555554444')).not.toBe(token);
    expect(token).not.toContain('4242');
    // HMAC-SHA256(key = 32 x 0x07, "4242424242424242") in RFC 4648 base32, computed independently with Python.
    expect(token).toBe('tok_mwi7fqosxn5cc3b6f24o73jrc3zi5qahp5y3y2il7z3pyvxy4lxa');
    expect(new PanVault(Buffer.alloc(32, 8), new KeyRing({ k1: K1 }, 'k1')).tokenize(PAN)).not.toBe(token);
  });

  it('encrypts with a fresh data key each time and decrypts back', () => {
    const a = sut.encrypt(PAN);
    const b = sut.encrypt(PAN);
    expect(a.keyId).toBe('k1');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.ciphertext, 'base64').toString('latin1')).not.toContain(PAN);
    expect(sut.decrypt(a)).toBe(PAN);
    expect(sut.decrypt(b)).toBe(PAN);
  });

  it('rotates keys: new values use the active key, old ones still decrypt', () => {
    const old = sut.encrypt(PAN);
    const rotated = new PanVault(TOKEN_KEY, new KeyRing({ k1: K1, k2: K2 }, 'k2'));
    const fresh = rotated.encrypt(PAN);
    expect(fresh.keyId).toBe('k2');
    expect(rotated.decrypt(old)).toBe(PAN);
    expect(rotated.decrypt(fresh)).toBe(PAN);
    expect(rotated.needsReEncryption(old)).toBe(true);
    expect(rotated.needsReEncryption(fresh)).toBe(false);
    expect(rotated.tokenize(PAN)).toBe(sut.tokenize(PAN));
  });

  it('names an unknown key id and never the PAN', () => {
    const encrypted = sut.encrypt(PAN);
    expect(() => sut.decrypt({ ...encrypted, keyId: 'k9' })).toThrow('keyId: unknown key id "k9" (the ring holds k1)');
  });

  it('refuses relabelled or tampered ciphertext', () => {
    const ring = new KeyRing({ k1: K1, k2: K1 }, 'k1');
    const vault = new PanVault(TOKEN_KEY, ring);
    const encrypted = vault.encrypt(PAN);
    expect(() => vault.decrypt({ ...encrypted, keyId: 'k2' })).toThrow('ciphertext: failed authentication under key id "k2"');
    const bytes = Buffer.from(encrypted.ciphertext, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => vault.decrypt({ ...encrypted, ciphertext: bytes.toString('base64') })).toThrow(CryptoInputError);
    expect(() => vault.decrypt({ ...encrypted, ciphertext: 'AAAA' })).toThrow('not an envelope of format version 1');
  });

  it('validates the PAN without echoing it', () => {
    expect(() => sut.tokenize('4242 4242 4242 4242')).toThrow('pan: must contain digits 0-9 only');
    expect(() => sut.encrypt('42424242')).toThrow('pan: must have 12-19 digits, has 8');
  });

  it('refuses a short tokenization key', () => {
    expect(() => new PanVault(Buffer.alloc(16), new KeyRing({ k1: K1 }, 'k1'))).toThrow('tokenizationKey: must be 32 bytes, has 16');
  });
});

describe(KeyRing.name, () => {
  it('reads keys from config as hex or base64 and checks the active id', () => {
    const hex = generateDevKey(32, 'hex');
    const b64 = generateDevKey(32, 'base64');
    const sut = KeyRing.fromConfig(`old:${hex}, new:${b64}`, 'new');
    expect(sut.keyIds).toEqual(['old', 'new']);
    expect(sut.key('old').toString('hex')).toBe(hex);
    expect(sut.activeKey().key.toString('base64')).toBe(b64);
  });

  it('names the wrong entry without echoing key material', () => {
    const secret = 'ab'.repeat(16);
    let message = '';
    try {
      KeyRing.fromConfig(`k1:${secret}`, 'k1', 'PAN_KEK_RING');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('PAN_KEK_RING.k1: must be 32 bytes as 64 hex digits or base64');
    expect(() => KeyRing.fromConfig('nocolon', 'k1')).toThrow('keyRing[0]: must be keyId:keyMaterial');
    expect(() => KeyRing.fromConfig(`a:${generateDevKey()},a:${generateDevKey()}`, 'a')).toThrow('key id "a" appears twice');
    expect(() => KeyRing.fromConfig(`a:${generateDevKey()}`, 'b')).toThrow('activeKeyId: "b" is not one of the ring\'s key ids (a)');
    expect(() => new KeyRing({ 'bad id': K1 }, 'bad id')).toThrow('keyId: "bad id" must be');
  });

  it('generates dev keys in the forms the config takes', () => {
    const keys = generateDevVaultKeys('dev-7');
    const vault = new PanVault(Buffer.from(keys.tokenizationKey, 'hex'), KeyRing.fromConfig(keys.keyRing, keys.activeKeyId));
    expect(vault.decrypt(vault.encrypt(PAN))).toBe(PAN);
    expect(keys.tokenizationKey).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe(base32Encode.name, () => {
  it.each([
    ['', ''],
    ['f', 'my'],
    ['fo', 'mzxq'],
    ['foo', 'mzxw6'],
    ['foob', 'mzxw6yq'],
    ['fooba', 'mzxw6ytb'],
    ['foobar', 'mzxw6ytboi'],
  ])('encodes the RFC 4648 test vector %p', (input, expected) => {
    expect(base32Encode(Buffer.from(input))).toBe(expected);
  });
});
