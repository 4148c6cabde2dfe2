import { randomBytes } from 'node:crypto';

import { KEK_BYTES } from './key-ring.model';
import { TOKENIZATION_KEY_BYTES } from './pan-vault.service';

/**
 * Random key material for development and tests only. Production keys are generated and held
 * under dual control (PCI DSS 3.6.1.2 / 3.7); never commit generated values.
 */
export function generateDevKey(byteLength = 32, encoding: 'hex' | 'base64' = 'hex'): string {
  return randomBytes(byteLength).toString(encoding);
}

export interface DevVaultKeys {
  /** For PAN_TOKENIZATION_KEY-style variables. */
  readonly tokenizationKey: string;
  /** For a key-ring variable: `keyId:hex,...`. */
  readonly keyRing: string;
  readonly activeKeyId: string;
}

/** A tokenization key and a one-key ring, in the text forms PanVault's config takes. */
export function generateDevVaultKeys(activeKeyId = 'dev-1'): DevVaultKeys {
  return {
    tokenizationKey: generateDevKey(TOKENIZATION_KEY_BYTES),
    keyRing: `${activeKeyId}:${generateDevKey(KEK_BYTES)}`,
    activeKeyId,
  };
}

/** A random double-length TDES BDK (32 hex digits) for a test PIN pad. */
export function generateDevBdk(): string {
  return generateDevKey(16).toUpperCase();
}
