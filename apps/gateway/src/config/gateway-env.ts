import { z } from 'zod';

import { grpcTarget, loadConfig } from '@payments/config';
import { internalTlsEnvShape } from '@payments/runtime';

const schema = z.object({
  /** How long a register waits for authorization; above the host timeout, so the host decides first. */
  GATEWAY_AUTHORIZE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** host:port of authorization's internal gRPC server (payments.internal.v1.AuthorizationService); distributed mode only. */
  GATEWAY_AUTHORIZATION_GRPC_URL: grpcTarget('127.0.0.1:50061'),
  /**
   * After a register got its 504, how long the gateway still listens for authorization's outcome:
   * a late decline then replaces the 504 for the key, a late close of day completes its key (a
   * late approval is reversed either way). Above the host timeout, so the host's answer fits.
   */
  GATEWAY_LATE_REPLY_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /**
   * A request in progress longer than GATEWAY_AUTHORIZE_TIMEOUT_MS plus this is taken to have
   * lost its gateway (a live one has answered or abandoned it by then): the next request with its
   * key asks authorization where it stands and finishes it (README, "Failover").
   */
  GATEWAY_IN_PROGRESS_LEASE_MARGIN_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /**
   * How long a terminal found by its API key is remembered (ms): a revoked or disabled key stops
   * working within this time. 0: api_client is read on every request. Unknown keys are never remembered.
   */
  GATEWAY_TERMINAL_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  /** Create the demo terminal at boot (embedded mode and local runs; never in production). */
  GATEWAY_SEED_DEMO_TERMINAL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  GATEWAY_DEMO_TERMINAL_KEY: z.string().min(16).default('demo-terminal-key-change-me'),
  /**
   * When no active operator admin exists, create `admin` with a random password and TOTP secret
   * and keep them for the host to print once (the embedded mode). Never done when NODE_ENV=production.
   */
  GATEWAY_SEED_OPERATOR_ADMIN: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  NODE_ENV: z.string().optional(),
  /**
   * How many demo registers to seed: DEMO0001 has GATEWAY_DEMO_TERMINAL_KEY, DEMO0002.. have
   * that key with `-2`, `-3`.. appended (a store's worth of registers for load tests).
   */
  GATEWAY_DEMO_TERMINAL_COUNT: z.coerce.number().int().min(1).max(9_999).default(1),
  /** The registers' gRPC API (payments.terminal.v1.TerminalService), beside the REST one. */
  GATEWAY_GRPC_HOST: z.string().min(1).default('0.0.0.0'),
  /** 0: any free port (tests read the bound one from the server). */
  GATEWAY_GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(50051),
  /** How long shutdown waits for in-flight calls before cutting them; above the authorize timeout by default. */
  GATEWAY_GRPC_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(20_000),
  /**
   * TLS on the registers' ports (REST PORT and the gRPC API) with the TLS_* files, no client
   * certificate asked. Off by default: registers reach them through the ingress, which ends TLS.
   */
  GATEWAY_REGISTER_TLS: z
    .enum(['on', 'off'])
    .default('off')
    .transform((v) => v === 'on'),
  /**
   * Distributed mode: the authorization service's HTTP URL. The gateway's operator port then
   * forwards /v1/journal and /v1/pin-pads there, so the console calls one origin. Unset: nothing
   * forwarded (the embedded mode serves them itself).
   */
  GATEWAY_OPERATOR_PROXY_AUTHORIZATION_URL: z.string().url().optional(),
  /** The same for /v1/settlement: the settlement service's HTTP URL. */
  GATEWAY_OPERATOR_PROXY_SETTLEMENT_URL: z.string().url().optional(),
  ...internalTlsEnvShape,
});

export type GatewayEnv = z.infer<typeof schema>;
export const GATEWAY_ENV = Symbol('GatewayEnv');

export function loadGatewayEnv(env: NodeJS.ProcessEnv): GatewayEnv {
  return loadConfig(schema, env);
}
