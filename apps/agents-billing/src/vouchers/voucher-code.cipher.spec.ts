import { DEV_VOUCHER_KEYS, voucherCodeCipherOf } from './voucher-code.cipher';

const OTHER_KEK = `voucher-2:${'ab'.repeat(32)}`;

describe('VoucherCodeCipher', () => {
  it('seals a code under the active key so that only the ring opens it, never the same ciphertext twice', () => {
    const cipher = voucherCodeCipherOf({});
    const first = cipher.seal('ZXCV-1234-ASDF');
    const second = cipher.seal('ZXCV-1234-ASDF');
    expect(first.keyId).toBe('voucher-dev-1');
    expect(first.ciphertext).not.toEqual(second.ciphertext);
    expect(Buffer.from(first.ciphertext, 'base64').toString('latin1')).not.toContain('ZXCV');
    expect(cipher.open(first)).toBe('ZXCV-1234-ASDF');
    expect(() => voucherCodeCipherOf({ AGENTS_BILLING_VOUCHER_KEKS: `voucher-dev-1:${'cd'.repeat(32)}` }).open(first)).toThrow('failed authentication');
  });

  it('opens codes sealed under an older key after a rotation puts a new key first', () => {
    const old = voucherCodeCipherOf({}).seal('ROTATE-0001');
    const rotated = voucherCodeCipherOf({ AGENTS_BILLING_VOUCHER_KEKS: `${OTHER_KEK},${DEV_VOUCHER_KEYS.keks}` });
    expect(rotated.open(old)).toBe('ROTATE-0001');
    expect(rotated.seal('NEW-0001').keyId).toBe('voucher-2');
  });

  it('fingerprints a code per provider with a key: the same code of two providers differs, and no plain hash', () => {
    const cipher = voucherCodeCipherOf({});
    expect(cipher.fingerprint('p1', 'CODE-1')).toBe(cipher.fingerprint('p1', 'CODE-1'));
    expect(cipher.fingerprint('p1', 'CODE-1')).not.toBe(cipher.fingerprint('p2', 'CODE-1'));
    expect(voucherCodeCipherOf({ AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY: 'ef'.repeat(32) }).fingerprint('p1', 'CODE-1')).not.toBe(
      cipher.fingerprint('p1', 'CODE-1'),
    );
  });

  it('refuses the public development keys in production', () => {
    expect(() => voucherCodeCipherOf({ NODE_ENV: 'production' })).toThrow('the public development keys are not allowed when NODE_ENV=production');
    expect(() =>
      voucherCodeCipherOf({ NODE_ENV: 'production', AGENTS_BILLING_VOUCHER_KEKS: OTHER_KEK, AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY: 'ef'.repeat(32) }),
    ).not.toThrow();
  });
});
