import { createHmac } from 'node:crypto';

import { assertPanFormat } from '@payments/card';

import { CryptoInputError } from '../crypto-input.error';
import { base32Encode } from './base32.util';
import { openEnvelope, sealEnvelope } from './envelope.cipher';
import { KeyRing } from './key-ring.model';

/** A PAN at rest: the ciphertext and the id of the key-encryption key that wraps its data key. */
export interface EncryptedPan {
  readonly keyId: string;
  readonly ciphertext: string;
}

export const TOKENIZATION_KEY_BYTES = 32;
export const PAN_TOKEN_PREFIX = 'tok_';

/**
 * PCI DSS 3.5.1: a PAN is stored only as an irreversible token (keyed HMAC-SHA256, 3.5.1.1) plus
 * strong encryption with managed keys. The same PAN always gives the same token, so journals are
 * searched by token; decrypt is for the few flows that must send the PAN on (e.g. to the host).
 */
export class PanVault {
  private readonly tokenizationKey: Buffer;

  constructor(
    tokenizationKey: Uint8Array,
    private readonly keyRing: KeyRing,
  ) {
    if (tokenizationKey.length !== TOKENIZATION_KEY_BYTES) {
      throw new CryptoInputError('tokenizationKey', `must be ${TOKENIZATION_KEY_BYTES} bytes, has ${tokenizationKey.length}`);
    }
    this.tokenizationKey = Buffer.from(tokenizationKey);
  }

  /** `tok_` + base32 (RFC 4648, lower case, unpadded) of HMAC-SHA256(tokenization key, PAN). */
  tokenize(pan: string): string {
    assertPanFormat(pan);
    const mac = createHmac('sha256', this.tokenizationKey).update(pan, 'ascii').digest();
    return PAN_TOKEN_PREFIX + base32Encode(mac);
  }

  /** Encrypts under the ring's active key with a fresh data key. */
  encrypt(pan: string): EncryptedPan {
    assertPanFormat(pan);
    const { keyId, key } = this.keyRing.activeKey();
    return { keyId, ciphertext: sealEnvelope(key, keyId, Buffer.from(pan, 'ascii')) };
  }

  /** Decrypts with the key the value names, active or not; unknown ids fail naming the id. */
  decrypt(encrypted: EncryptedPan): string {
    const kek = this.keyRing.key(encrypted.keyId);
    const pan = openEnvelope(kek, encrypted.keyId, encrypted.ciphertext).toString('ascii');
    assertPanFormat(pan, 'decrypted value');
    return pan;
  }

  /** True when the value was sealed under an older key and should be re-encrypted (key rotation job). */
  needsReEncryption(encrypted: EncryptedPan): boolean {
    return encrypted.keyId !== this.keyRing.activeKeyId;
  }
}
