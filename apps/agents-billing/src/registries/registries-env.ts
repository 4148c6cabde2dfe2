import { z } from 'zod';

import { loadConfig } from '@payments/config';
import { fileDeliveryConfigSchema } from '@payments/file-delivery';

/** A public development key (Ed25519), so the embedded mode signs out of the box: refused when NODE_ENV=production. */
export const DEV_REGISTRY_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIFKwrCyrF/rgJJ+TSsqcE13fMHnLmqdble701h5b1/5X
-----END PRIVATE KEY-----
`;

/** Where registries go; a payee's `folder` is under the folder's path or the SFTP root. */
export const registryDeliverySchema = fileDeliveryConfigSchema;
export type RegistryDeliveryConfig = z.infer<typeof registryDeliverySchema>;

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  /** The platform's registry signing key, a PKCS #8 PEM (Ed25519 or RSA); the development key unless set. */
  AGENTS_BILLING_REGISTRY_SIGNING_KEY: z.string().min(1).default(DEV_REGISTRY_SIGNING_KEY),
  /** Where registries go, as JSON: {kind: 'folder', path} or {kind: 'sftp', host, port, username, privateKeyPath, hostKeySha256, root}. */
  AGENTS_BILLING_REGISTRY_DELIVERY: z
    .string()
    .optional()
    .transform((text, context): RegistryDeliveryConfig | undefined => {
      if (text === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'expected a JSON object {kind: "folder" | "sftp", ...}' });
        return z.NEVER;
      }
      const parsed = registryDeliverySchema.safeParse(json);
      if (parsed.success) return parsed.data;
      const first = parsed.error.issues[0];
      context.addIssue({ code: 'custom', message: `${first.path.join('.') || '(root)'}: ${first.message}` });
      return z.NEVER;
    }),
  /** The archive (`archive/`) of every registry sent, and the default folder destination (`outgoing/`). */
  AGENTS_BILLING_REGISTRIES_DIR: z.string().min(1).default('data/agents-registries'),
  /** The longest gap between two passes of the registries worker. */
  AGENTS_BILLING_REGISTRIES_PASS_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** The wait after a registry's first failed delivery; it doubles with each further one (at most an hour). */
  AGENTS_BILLING_REGISTRIES_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
});

export interface RegistriesEnv {
  readonly signingKeyPem: string;
  readonly delivery: RegistryDeliveryConfig;
  readonly dir: string;
  readonly passMs: number;
  readonly retryMs: number;
}

export function loadRegistriesEnv(env: NodeJS.ProcessEnv): RegistriesEnv {
  const config = loadConfig(schema, env);
  if (config.NODE_ENV === 'production' && config.AGENTS_BILLING_REGISTRY_SIGNING_KEY === DEV_REGISTRY_SIGNING_KEY) {
    throw new Error('AGENTS_BILLING_REGISTRY_SIGNING_KEY: the public development key is not allowed when NODE_ENV=production');
  }
  const dir = config.AGENTS_BILLING_REGISTRIES_DIR;
  return {
    signingKeyPem: config.AGENTS_BILLING_REGISTRY_SIGNING_KEY,
    delivery: config.AGENTS_BILLING_REGISTRY_DELIVERY ?? { kind: 'folder', path: `${dir}/outgoing` },
    dir,
    passMs: config.AGENTS_BILLING_REGISTRIES_PASS_MS,
    retryMs: config.AGENTS_BILLING_REGISTRIES_RETRY_MS,
  };
}

/** The wait before attempt `attempts + 1`: retryMs, doubling, at most an hour. */
export function registryRetryDelayMs(attempts: number, retryMs: number): number {
  return Math.min(retryMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
