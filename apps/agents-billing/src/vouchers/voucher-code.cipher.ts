import { createHmac } from 'node:crypto';

import { decodeKeyMaterial, KeyRing, openEnvelope, sealEnvelope } from '@payments/crypto';

/** Public development keys: the service refuses them when NODE_ENV=production. */
export const DEV_VOUCHER_KEYS = {
  keks: 'voucher-dev-1:5c0e4f1a9b3d7e2f8a6c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f',
  fingerprintKey: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0',
};

/** A voucher code as its row keeps it: sealed under a key id. */
export interface SealedCode {
  readonly keyId: string;
  readonly ciphertext: string;
}

/**
 * Scratch voucher codes at rest: each sealed with the platform's envelope cipher (a fresh
 * AES-256-GCM data key per code, wrapped by the active key-encryption key of the ring, the key id
 * bound as authenticated data; `@payments/crypto`), and a keyed fingerprint (HMAC-SHA-256 of
 * provider and code) so a duplicate code is found without a code in clear anywhere.
 */
export class VoucherCodeCipher {
  constructor(
    private readonly keks: KeyRing,
    private readonly fingerprintKey: Buffer,
  ) {}

  seal(code: string): SealedCode {
    const { keyId, key } = this.keks.activeKey();
    return { keyId, ciphertext: sealEnvelope(key, keyId, Buffer.from(code, 'utf8')) };
  }

  open(sealed: SealedCode): string {
    return openEnvelope(this.keks.key(sealed.keyId), sealed.keyId, sealed.ciphertext).toString('utf8');
  }

  fingerprint(providerId: string, code: string): string {
    return createHmac('sha256', this.fingerprintKey).update(`${providerId}\0${code}`).digest('hex');
  }
}

/**
 * The cipher from configuration: `AGENTS_BILLING_VOUCHER_KEKS` (`id:hex64,…`, the first active;
 * rotation puts a new key first and keeps the old ones to open older codes) and
 * `AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY` (64 hex digits; it must never change while codes are in
 * stock, or duplicates are no longer found). Unset: the public development keys, refused in production.
 */
export function voucherCodeCipherOf(env: NodeJS.ProcessEnv): VoucherCodeCipher {
  const keks = env.AGENTS_BILLING_VOUCHER_KEKS ?? DEV_VOUCHER_KEYS.keks;
  const fingerprintKey = env.AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY ?? DEV_VOUCHER_KEYS.fingerprintKey;
  if (env.NODE_ENV === 'production' && (keks === DEV_VOUCHER_KEYS.keks || fingerprintKey === DEV_VOUCHER_KEYS.fingerprintKey)) {
    throw new Error(
      'AGENTS_BILLING_VOUCHER_KEKS and AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY: the public development keys are not allowed when NODE_ENV=production',
    );
  }
  const activeKeyId = keks.split(',')[0].split(':')[0].trim();
  return new VoucherCodeCipher(
    KeyRing.fromConfig(keks, activeKeyId, 'AGENTS_BILLING_VOUCHER_KEKS'),
    decodeKeyMaterial(fingerprintKey, 'AGENTS_BILLING_VOUCHER_FINGERPRINT_KEY', 32),
  );
}
