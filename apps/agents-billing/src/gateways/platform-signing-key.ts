import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

import { Logger, type Provider } from '@nestjs/common';

/** The variable holding the platform's Ed25519 private key (PEM, PKCS #8) that signs every request to a payee. */
export const SIGNING_KEY_VARIABLE = 'AGENTS_BILLING_GATEWAY_SIGNING_KEY';

/** The platform's key pair for payee gateways: payees verify the platform's requests with `publicKeyPem`. */
export interface PlatformSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  /** Made at start (no key configured): payees must be given the new public key after every restart. */
  readonly generated: boolean;
}

export const PLATFORM_SIGNING_KEY = Symbol('PlatformSigningKey');

/** The configured key, or a key made now when none is configured (the embedded mode's dev key; never in production); a bad one throws naming the variable. */
export function platformSigningKeyOf(env: NodeJS.ProcessEnv): PlatformSigningKey {
  const pem = env[SIGNING_KEY_VARIABLE];
  if (!pem) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        `${SIGNING_KEY_VARIABLE}: required when NODE_ENV=production (payees verify the platform's requests with its public half; a key made at start would change on every restart)`,
      );
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), generated: true };
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch (error) {
    throw new Error(`${SIGNING_KEY_VARIABLE}: not a private key in PEM (${error instanceof Error ? error.message : String(error)})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${SIGNING_KEY_VARIABLE}: an Ed25519 key is expected, not ${privateKey.asymmetricKeyType}`);
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(), generated: false };
}

export const platformSigningKeyProvider = (env: NodeJS.ProcessEnv): Provider => ({
  provide: PLATFORM_SIGNING_KEY,
  useFactory: () => {
    const key = platformSigningKeyOf(env);
    if (key.generated) {
      new Logger('PayeeGateways').warn(
        `${SIGNING_KEY_VARIABLE} is not set: a signing key was generated for this run (GET /v1/agents/gateways/signing-key gives its public half; payees must be given it again after a restart)`,
      );
    }
    return key;
  },
});
