import { createHash, timingSafeEqual } from 'node:crypto';

/** The embedded mode's printed operator key: public, so refused when NODE_ENV=production. */
export const DEMO_OPERATOR_KEY = 'demo-operator-key-change-me';

/** Operator keys are stored only as SHA-256 hashes, like the terminal keys: a leaked config holds no working key. */
export const hashOperatorKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const DEMO_OPERATOR_KEY_HASH = hashOperatorKey(DEMO_OPERATOR_KEY);

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The operator keys a process accepts, from OPERATOR_KEY_HASHES (comma-separated SHA-256 hex; several, so keys rotate). */
export class OperatorKeyRing {
  private readonly hashes: Buffer[];

  constructor(hashes: readonly string[]) {
    this.hashes = hashes.map((hash) => Buffer.from(hash, 'hex'));
  }

  /** OPERATOR_KEY_HASHES as configured; the demo key's hash is refused in production. */
  static fromConfig(value: string, nodeEnv: string | undefined): OperatorKeyRing {
    const hashes = value
      .split(',')
      .map((hash) => hash.trim().toLowerCase())
      .filter(Boolean);
    const bad = hashes.find((hash) => !SHA256_HEX.test(hash));
    if (hashes.length === 0 || bad !== undefined) throw new Error('OPERATOR_KEY_HASHES: comma-separated SHA-256 hashes (64 hex digits) of the operator keys');
    if (nodeEnv === 'production' && hashes.includes(DEMO_OPERATOR_KEY_HASH)) {
      throw new Error('OPERATOR_KEY_HASHES: the public demo operator key is not allowed when NODE_ENV=production');
    }
    return new OperatorKeyRing(hashes);
  }

  /** Compares in constant time against every configured hash. */
  accepts(key: string): boolean {
    const candidate = createHash('sha256').update(key).digest();
    return this.hashes.reduce((found, hash) => timingSafeEqual(hash, candidate) || found, false);
  }

  /** `key:<first 12 hex digits of its SHA-256>` for an accepted key (how the audit log names it), else undefined. */
  idOf(key: string): string | undefined {
    return this.accepts(key) ? `key:${hashOperatorKey(key).slice(0, 12)}` : undefined;
  }

  /** Whether the demo key works here (the embedded mode then prints it). */
  acceptsDemoKey(): boolean {
    return this.accepts(DEMO_OPERATOR_KEY);
  }
}
