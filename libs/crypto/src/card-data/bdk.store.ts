import { hexToBytes } from '../bytes.util';
import { CryptoInputError } from '../crypto-input.error';

/** Which DUKPT a BDK derives under: TDES (ANSI X9.24-1) or AES (X9.24-3) with an AES-128 or AES-256 BDK. */
export type DukptScheme = 'tdes' | 'aes128' | 'aes256';

const KEY_BYTES: Readonly<Record<DukptScheme, number>> = { tdes: 16, aes128: 16, aes256: 32 };
const SCHEME_NAMES: Readonly<Record<DukptScheme, string>> = { tdes: 'a TDES', aes128: 'an AES-128', aes256: 'an AES-256' };

/** A Base Derivation Key and the DUKPT it derives under. */
export interface DukptBdk {
  readonly scheme: DukptScheme;
  readonly key: Uint8Array;
}

/** "a TDES BDK", "an AES-128 BDK": for messages. */
export function describeBdkScheme(scheme: DukptScheme): string {
  return `${SCHEME_NAMES[scheme]} BDK`;
}

/** Where the server finds Base Derivation Keys by id (an HSM adapter in production). */
export interface BdkStore {
  findBdk(bdkId: string): DukptBdk | undefined;
}

function isScheme(text: string): text is DukptScheme {
  return text === 'tdes' || text === 'aes128' || text === 'aes256';
}

/** BDKs held in memory, for development, tests and the embedded mode. */
export class InMemoryBdkStore implements BdkStore {
  private readonly bdks = new Map<string, DukptBdk>();

  /** TDES BDKs by id (16 bytes each). */
  constructor(bdks: Readonly<Record<string, Uint8Array>> = {}) {
    for (const [bdkId, bdk] of Object.entries(bdks)) {
      this.add(bdkId, bdk);
    }
  }

  /**
   * From configuration text, entries separated by commas: `bdkId:<32 hex>` (TDES, as ever),
   * `bdkId:tdes:<32 hex>`, `bdkId:aes128:<32 hex>` or `bdkId:aes256:<64 hex>`. Key material is
   * never echoed; errors name the entry.
   */
  static fromConfig(spec: string, field = 'bdks'): InMemoryBdkStore {
    const store = new InMemoryBdkStore();
    spec
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .forEach((entry, index) => {
        const colon = entry.indexOf(':');
        if (colon <= 0) throw new CryptoInputError(`${field}[${index}]`, 'must be bdkId:hexKey or bdkId:tdes|aes128|aes256:hexKey');
        const bdkId = entry.slice(0, colon);
        const rest = entry.slice(colon + 1);
        const second = rest.indexOf(':');
        const named = second > 0 ? rest.slice(0, second).toLowerCase() : undefined;
        if (named !== undefined && !isScheme(named)) throw new CryptoInputError(`${field}.${bdkId}`, 'the DUKPT scheme must be tdes, aes128 or aes256');
        const scheme: DukptScheme = named ?? 'tdes';
        const hex = named === undefined ? rest : rest.slice(second + 1);
        store.add(bdkId, hexToBytes(hex, `${field}.${bdkId}`, KEY_BYTES[scheme]), scheme);
      });
    return store;
  }

  add(bdkId: string, bdk: Uint8Array, scheme: DukptScheme = 'tdes'): void {
    if (bdk.length !== KEY_BYTES[scheme]) {
      const what = scheme === 'tdes' ? 'a 16-byte TDES key' : `a ${KEY_BYTES[scheme]}-byte ${scheme === 'aes128' ? 'AES-128' : 'AES-256'} key`;
      throw new CryptoInputError(`bdks.${bdkId}`, `must be ${what}, has ${bdk.length} bytes`);
    }
    if (this.bdks.has(bdkId)) {
      throw new CryptoInputError('bdkId', `"${bdkId}" is already present`);
    }
    this.bdks.set(bdkId, { scheme, key: Buffer.from(bdk) });
  }

  findBdk(bdkId: string): DukptBdk | undefined {
    return this.bdks.get(bdkId);
  }
}
