import { CryptoInputError } from '../crypto-input.error';
import { parseKeyList } from '../key-list.config';

/**
 * A public, made-up zone PIN key (double-length TDES) for development, tests and the embedded
 * demo: the acquirer host simulator verifies PINs under it by default. Refused in production.
 */
export const TEST_ZONE_PIN_KEY = '0B1C2D3E4F5A69788796A5B4C3D2E1F0';

/** Where the server finds the zone PIN key (ZPK) it shares with each acquirer (an HSM in production). */
export interface ZonePinKeyStore {
  findZonePinKey(zoneId: string): Uint8Array | undefined;
}

/** Zone PIN keys held in memory, per acquirer id, from `acquirerId:<32 hex digits>,...`. */
export class InMemoryZonePinKeyStore implements ZonePinKeyStore {
  private readonly keys = new Map<string, Buffer>();

  static fromConfig(spec: string, field = 'zonePinKeys'): InMemoryZonePinKeyStore {
    const store = new InMemoryZonePinKeyStore();
    for (const [zoneId, key] of parseKeyList(spec, field, 16, 'acquirerId')) {
      if (store.keys.has(zoneId)) throw new CryptoInputError(field, `"${zoneId}" is listed twice`);
      store.keys.set(zoneId, key);
    }
    return store;
  }

  findZonePinKey(zoneId: string): Uint8Array | undefined {
    return this.keys.get(zoneId);
  }
}
