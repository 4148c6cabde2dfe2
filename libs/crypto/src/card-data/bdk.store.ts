import { CryptoInputError } from '../crypto-input.error';
import { parseKeyList } from '../key-list.config';

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
    for (const [bdkId, bdk] of parseKeyList(spec, field, 16, 'bdkId')) store.add(bdkId, bdk);
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
