import { z } from 'zod';

import { loadConfig } from '@payments/config';

const limitEntry = /^[A-Za-z0-9]{1,8}:[A-Z]{3}:[0-9]{1,12}$/;

const schema = z.object({
  /** Port of the internal gRPC server (payments.internal.v1.AntifraudService, grpc.health.v1) on HOST; distributed mode only. */
  ANTIFRAUD_GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(50062),
  /** Largest amount (minor units) one purchase may have on any terminal without its own limit. */
  ANTIFRAUD_MAX_AMOUNT_MINOR: z
    .string()
    .regex(/^[0-9]{1,12}$/)
    .default('1000000')
    .transform(BigInt),
  /** Per-terminal limits, `terminalId:CUR:maxMinor,...`. */
  ANTIFRAUD_TERMINAL_LIMITS: z
    .string()
    .default('')
    .refine((v) => v === '' || v.split(',').every((e) => limitEntry.test(e)), 'expected terminalId:CUR:maxMinor entries separated by commas'),
  /** Attempts per card per minute before antifraud denies (velocity). */
  ANTIFRAUD_CARD_VELOCITY_MAX: z.coerce.number().int().min(1).max(100_000).default(20),
});

export type AntifraudEnv = z.infer<typeof schema>;
export const ANTIFRAUD_ENV = Symbol('AntifraudEnv');

export function loadAntifraudEnv(env: NodeJS.ProcessEnv): AntifraudEnv {
  return loadConfig(schema, env);
}
