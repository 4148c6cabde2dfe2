import { hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';

/** Where the server finds Base Derivation Keys by id (an HSM adapter in production). */
export interface BdkStore {
  findBdk(bdkId: string): Uint8Array | undefined;
}

/** BDKs held in memory, for development, tests and the embedded mode. */
export class InMemoryBdkStore implements BdkStore {
  private readonly bdks = new Map<string, Buffer>();

  constructor(bdks: Readonly<Record<string, Uint8Array>> = {}) {
    for (const [bdkId, bdk] of Object.entries(bdks)) {
      this.add(bdkId, bdk);
    }
  }

  /** From configuration text `bdkId:<32 hex digits>,...`; key material is never echoed. */
  static fromConfig(spec: string, field = 'bdks'): InMemoryBdkStore {
    const store = new InMemoryBdkStore();
    spec
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .forEach((entry, index) => {
        const colon = entry.indexOf(':');
        if (colon <= 0) {
          throw new CryptoInputError(`${field}[${index}]`, 'must be bdkId:hexKey');
        }
        const bdkId = entry.slice(0, colon);
        store.add(bdkId, hexToBytes(entry.slice(colon + 1), `${field}.${bdkId}`, 16));
      });
    return store;
  }

  add(bdkId: string, bdk: Uint8Array): void {
    if (bdk.length !== 16) {
      throw new CryptoInputError(`bdks.${bdkId}`, `must be a 16-byte TDES key, has ${bdk.length} bytes`);
    }
    if (this.bdks.has(bdkId)) {
      throw new CryptoInputError('bdkId', `"${bdkId}" is already present`);
    }
    this.bdks.set(bdkId, Buffer.from(bdk));
  }

  findBdk(bdkId: string): Uint8Array | undefined {
    return this.bdks.get(bdkId);
  }
}
