import { z } from 'zod';

import { bool, ConfigError, grpcTarget, loadConfig } from '@payments/config';
import { ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK, ANSI_TEST_BDK, decodeKeyMaterial, TEST_ZONE_PIN_KEY } from '@payments/crypto';

import { acquirerNetworkFile, acquirerNetworkJson } from '../acquirer/routing/acquirer-network.loader';
import { isTimeZone } from '../host-link/transaction-time';
import { parsePinPadSeed } from '../pin-pad-registry/pin-pad-seed.config';

/** Public test keys (X9.24 test BDK and fixed dev keys): refused when NODE_ENV=production. */
export const DEV_KEYS = {
  /** The X9.24-1 test BDK (TDES) and the X9.24-3 sample BDKs (AES-128, AES-256), for test PIN pads of each DUKPT. */
  bdks: `ansi-test-bdk:${ANSI_TEST_BDK},ansi-aes128-test-bdk:aes128:${ANSI_AES128_TEST_BDK},ansi-aes256-test-bdk:aes256:${ANSI_AES256_TEST_BDK}`,
  panTokenKey: '8f0c2a9be1d34f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c',
  panKeks: 'kek-dev-1:2b7e151628aed2a6abf7158809cf4f3c2b7e151628aed2a6abf7158809cf4f3c',
  /** The acquirer simulator's default zone PIN key, for the single acquirer "default". */
  acquirerZpks: `default:${TEST_ZONE_PIN_KEY}`,
};

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  AUTHORIZATION_ACQUIRER_HOST: z.string().default('127.0.0.1'),
  AUTHORIZATION_ACQUIRER_PORT: z.coerce.number().int().min(1).max(65_535).default(8583),
  /** How long the host may take to answer a 0200 before the transaction is unknown and reversed. */
  AUTHORIZATION_HOST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Sign on (0800, DE 70 = 001) after each connect to the single acquirer above. */
  AUTHORIZATION_ACQUIRER_SIGN_ON: bool(false),
  /** Echo test (0800, DE 70 = 301) to the single acquirer after this long without traffic; 0 = off. */
  AUTHORIZATION_ACQUIRER_ECHO_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** TCP links to the single acquirer (each signs on and echoes on its own); requests go to those up. */
  AUTHORIZATION_ACQUIRER_CONNECTIONS: z.coerce.number().int().min(1).max(16).default(1),
  /** IANA time zone of the terminals: DE 12/13 (local time and date of the transaction) are given in it. */
  AUTHORIZATION_ACQUIRER_TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin or UTC').default('UTC'),
  /**
   * Several acquirers and the routes to them, as JSON (acquirer/routing/acquirer-network.schema.ts);
   * replaces the single-acquirer variables above. Unset: one acquirer "default" built from them.
   */
  AUTHORIZATION_ACQUIRERS: acquirerNetworkJson(),
  /** The same JSON in a file (path); set this or AUTHORIZATION_ACQUIRERS, not both. */
  AUTHORIZATION_ACQUIRERS_FILE: acquirerNetworkFile(),
  /** Port of the internal gRPC server (payments.internal.v1.AuthorizationService, grpc.health.v1) on HOST; distributed mode only. */
  AUTHORIZATION_GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(50061),
  /** host:port of antifraud's internal gRPC server (payments.internal.v1.AntifraudService); distributed mode only. */
  AUTHORIZATION_ANTIFRAUD_GRPC_URL: grpcTarget('127.0.0.1:50062'),
  /** Antifraud's budget; the register's remaining deadline shortens it when that is less. */
  AUTHORIZATION_ANTIFRAUD_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(500),
  /**
   * What to do when antifraud does not answer in time or cannot be reached: decline with 91
   * (default), or allow: the missing decision is logged with the transaction id and journaled in the
   * approval's reason.
   */
  AUTHORIZATION_ANTIFRAUD_UNAVAILABLE: z.enum(['decline', 'allow']).default('decline'),
  /**
   * Entry modes whose card the cashier must check by keying its last 4 embossed digits (comma
   * separated: chip, contactless, magstripe; empty: never). A swiped stripe is the easiest to copy.
   */
  AUTHORIZATION_PROMPT_LAST4_ENTRY_MODES: z
    .string()
    .default('magstripe')
    .transform((value) =>
      value
        .split(',')
        .map((mode) => mode.trim())
        .filter((mode) => mode !== ''),
    )
    .pipe(z.array(z.enum(['chip', 'contactless', 'magstripe']))),
  /** How long a cashier prompt waits for its answer before the operation is abandoned. */
  AUTHORIZATION_PROMPT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  AUTHORIZATION_REVERSAL_RETRY_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /**
   * enforce (default): a card block is taken only from a registered, active PIN pad of the register
   * that sends it, with a DUKPT counter above its last one. off: no check (tests and demos only;
   * refused when NODE_ENV=production).
   */
  AUTHORIZATION_PIN_PAD_REGISTRY: z.enum(['enforce', 'off']).default('enforce'),
  /**
   * PIN pads registered at start when missing, `serial:bdkId:initialKsn:terminalId,...` (the
   * embedded demo's pad, a Helm test's pad); an existing pad keeps its counter.
   */
  AUTHORIZATION_PIN_PADS_SEED: z.string().default(''),
  /**
   * DUKPT base derivation keys (the HSM's job in production), `id:hex32` (TDES, X9.24-1),
   * `id:aes128:hex32` or `id:aes256:hex64` (AES, X9.24-3), comma-separated.
   */
  CARD_BDKS: z.string().default(DEV_KEYS.bdks),
  /**
   * Zone PIN keys shared with the acquirers, `acquirerId:hex32,...` (double-length TDES; the HSM's
   * job in production): an online PIN is translated to its acquirer's key for DE 52.
   */
  ACQUIRER_ZPKS: z.string().default(DEV_KEYS.acquirerZpks),
  /** HMAC key of PAN tokens, 64 hex digits. */
  PAN_TOKEN_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .default(DEV_KEYS.panTokenKey),
  /** Key-encryption keys of stored PANs, `id:hex64,...`; the first is active (rotation: put the new one first). */
  PAN_KEKS: z.string().default(DEV_KEYS.panKeks),
});

export type AuthorizationEnv = z.infer<typeof schema>;

type KeyVariable = 'CARD_BDKS' | 'ACQUIRER_ZPKS' | 'PAN_KEKS' | 'PAN_TOKEN_KEY';

/** Per key variable, the public key bytes no production entry may have (whatever its id, case or encoding). */
const PUBLIC_KEYS: Record<KeyVariable, readonly Buffer[]> = {
  CARD_BDKS: [ANSI_TEST_BDK, ANSI_AES128_TEST_BDK, ANSI_AES256_TEST_BDK].map((key) => Buffer.from(key, 'hex')),
  ACQUIRER_ZPKS: [Buffer.from(TEST_ZONE_PIN_KEY, 'hex')],
  PAN_KEKS: [Buffer.from(DEV_KEYS.panKeks.slice(DEV_KEYS.panKeks.indexOf(':') + 1), 'hex')],
  PAN_TOKEN_KEY: [Buffer.from(DEV_KEYS.panTokenKey, 'hex')],
};

/**
 * The ids of the entries of a key variable (`id:key,...`; PAN_TOKEN_KEY is one key without an id:
 * undefined) whose key is a public one. An entry that does not decode is left to the key's own
 * parser, which refuses it at startup.
 */
function publicEntriesOf(variable: KeyVariable, value: string): Array<string | undefined> {
  const entries: Array<{ id: string | undefined; key: string }> =
    variable === 'PAN_TOKEN_KEY'
      ? [{ id: undefined, key: value }]
      : value
          .split(',')
          .map((entry) => ({ id: entry.slice(0, entry.indexOf(':')).trim(), key: withoutDukptScheme(entry.slice(entry.indexOf(':') + 1)) }))
          .filter((entry) => entry.id.length > 0);
  return entries.filter(({ key }) => PUBLIC_KEYS[variable].some((publicKey) => hasKeyBytes(key, publicKey))).map(({ id }) => id);
}

/** A CARD_BDKS key without its `tdes:`, `aes128:` or `aes256:` mark. */
function withoutDukptScheme(key: string): string {
  return key.replace(/^\s*(tdes|aes128|aes256):/i, '');
}

function hasKeyBytes(text: string, key: Buffer): boolean {
  let bytes: Buffer | undefined;
  try {
    bytes = decodeKeyMaterial(text, 'key', key.length);
    return bytes.equals(key);
  } catch {
    return false;
  } finally {
    bytes?.fill(0);
  }
}

export function loadAuthorizationEnv(env: NodeJS.ProcessEnv): AuthorizationEnv {
  const config = loadConfig(schema, env);
  if (config.AUTHORIZATION_ACQUIRERS && config.AUTHORIZATION_ACQUIRERS_FILE) {
    throw new ConfigError([
      { variable: 'AUTHORIZATION_ACQUIRERS_FILE', reason: 'set either AUTHORIZATION_ACQUIRERS or AUTHORIZATION_ACQUIRERS_FILE, not both' },
    ]);
  }
  if (config.NODE_ENV === 'production') {
    const problems = (Object.keys(PUBLIC_KEYS) as KeyVariable[]).flatMap((variable) =>
      publicEntriesOf(variable, config[variable]).map((entry) => ({
        variable: entry === undefined ? variable : `${variable}.${entry}`,
        reason: 'the public development key is not allowed when NODE_ENV=production',
      })),
    );
    if (config.AUTHORIZATION_PIN_PAD_REGISTRY === 'off') {
      problems.push({ variable: 'AUTHORIZATION_PIN_PAD_REGISTRY', reason: 'off is for tests and demos: not allowed when NODE_ENV=production' });
    }
    if (problems.length > 0) throw new ConfigError(problems);
  }
  parsePinPadSeed(config.AUTHORIZATION_PIN_PADS_SEED);
  return config;
}

/** The active key-encryption key: the first of PAN_KEKS (rotation puts the new key first). */
export function activeKekId(keks: string): string {
  return keks.split(',')[0].split(':')[0];
}
