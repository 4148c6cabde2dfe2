import { z } from 'zod';

import { loadConfig } from '@payments/config';

import { parseLanes } from '../lanes/lane-config';

const schema = z.object({
  /** The central gateway the bridge forwards register operations to, and its backup. */
  DEVICE_BRIDGE_GATEWAY_URL: z.string().url().default('http://127.0.0.1:3000'),
  DEVICE_BRIDGE_BACKUP_GATEWAY_URL: z.string().url().optional(),
  /** The liveness probe's deadline. */
  DEVICE_BRIDGE_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** How long one gateway gets to answer an operation before the same request goes to the other one. */
  DEVICE_BRIDGE_OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** While the backup serves: how often the primary is probed, to switch back when it answers. */
  DEVICE_BRIDGE_PROBE_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** The PIN pads, one per lane: a JSON array (see parseLanes). Empty: the bridge only passes requests through. */
  DEVICE_BRIDGE_PINPADS: z
    .string()
    .default('[]')
    .transform((value, ctx) => {
      try {
        return parseLanes(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** How long the cardholder has to present the card, and to key the PIN (the pad allows at most 60 s). */
  DEVICE_BRIDGE_CARD_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(60_000),
  DEVICE_BRIDGE_PIN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(60_000).default(30_000),
  /** Where the local state lives (DATA_DIR/device-bridge/lanes/<lane>.json); `memory`: nothing survives a restart (tests). */
  DATA_DIR: z.string().min(1).default('data'),
});

export type DeviceBridgeEnv = z.infer<typeof schema>;
export const DEVICE_BRIDGE_ENV = Symbol('DeviceBridgeEnv');

export function loadDeviceBridgeEnv(env: NodeJS.ProcessEnv): DeviceBridgeEnv {
  return loadConfig(schema, env);
}
