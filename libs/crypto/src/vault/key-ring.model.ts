import { decodeKeyMaterial } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';

/** AES-256 key-encryption keys. */
export const KEK_BYTES = 32;

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Key-encryption keys by id, one of them active (PCI DSS 3.6.1 / 3.7.4: keys rotate at the end of
 * their cryptoperiod). New ciphertexts use the active key; old ones still open with the key id
 * they carry until that key is retired from the ring.
 */
export class KeyRing {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    keys: Readonly<Record<string, Uint8Array>>,
    readonly activeKeyId: string,
  ) {
    const map = new Map<string, Buffer>();
    for (const [keyId, key] of Object.entries(keys)) {
      if (!KEY_ID.test(keyId)) {
        throw new CryptoInputError('keyId', `"${keyId}" must be 1-64 characters of A-Z a-z 0-9 . _ -`);
      }
      if (key.length !== KEK_BYTES) {
        throw new CryptoInputError(`keys.${keyId}`, `must be ${KEK_BYTES} bytes, has ${key.length}`);
      }
      map.set(keyId, Buffer.from(key));
    }
    if (!map.has(activeKeyId)) {
      throw new CryptoInputError('activeKeyId', `"${activeKeyId}" is not one of the ring's key ids (${[...map.keys()].join(', ') || 'none'})`);
    }
    this.keys = map;
  }

  /**
   * Builds a ring from configuration text: `k2025:<64 hex>,k2026:<base64>` plus the active id.
   * Key material is never echoed in errors.
   */
  static fromConfig(spec: string, activeKeyId: string, field = 'keyRing'): KeyRing {
    const keys: Record<string, Uint8Array> = {};
    spec
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .forEach((entry, index) => {
        const colon = entry.indexOf(':');
        if (colon <= 0) {
          throw new CryptoInputError(`${field}[${index}]`, 'must be keyId:keyMaterial');
        }
        const keyId = entry.slice(0, colon);
        if (keyId in keys) {
          throw new CryptoInputError(`${field}[${index}]`, `key id "${keyId}" appears twice`);
        }
        keys[keyId] = decodeKeyMaterial(entry.slice(colon + 1), `${field}.${keyId}`, KEK_BYTES);
      });
    return new KeyRing(keys, activeKeyId);
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  activeKey(): { keyId: string; key: Buffer } {
    return { keyId: this.activeKeyId, key: this.key(this.activeKeyId) };
  }

  /** The key for `keyId`, or a CryptoInputError naming the unknown id. */
  key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) {
      throw new CryptoInputError('keyId', `unknown key id "${keyId}" (the ring holds ${this.keyIds.join(', ')})`);
    }
    return key;
  }
}
