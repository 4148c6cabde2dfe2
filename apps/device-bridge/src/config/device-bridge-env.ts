import { z } from 'zod';

import { loadConfig } from '@payments/config';

const schema = z.object({
  /** The central gateway the bridge forwards register operations to, and its backup. */
  DEVICE_BRIDGE_GATEWAY_URL: z.string().url().default('http://127.0.0.1:3000'),
  DEVICE_BRIDGE_BACKUP_GATEWAY_URL: z.string().url().optional(),
  DEVICE_BRIDGE_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
});

export type DeviceBridgeEnv = z.infer<typeof schema>;
export const DEVICE_BRIDGE_ENV = Symbol('DeviceBridgeEnv');

export function loadDeviceBridgeEnv(env: NodeJS.ProcessEnv): DeviceBridgeEnv {
  return loadConfig(schema, env);
}
