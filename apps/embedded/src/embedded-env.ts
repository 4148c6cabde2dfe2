import { z } from 'zod';

import { loadConfig } from '@payments/config';
import { operatorEnvShape } from '@payments/runtime';

const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Port of the operators' endpoints (journal, settlement totals, metrics, their docs) on HOST, never served on PORT; 0: any free port. */
  OPERATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(8081),
  ...operatorEnvShape,
  /** Port of the registers' gRPC API (payments.terminal.v1.TerminalService) on HOST; 0: any free port. */
  GRPC_PORT: z.coerce.number().int().min(0).max(65_535).default(50051),
  /** Where the embedded PostgreSQL (PGlite) keeps each service's database; `memory` keeps nothing. */
  DATA_DIR: z.string().default('data'),
  /** Port of the built-in acquirer host simulator (0: any free port). */
  SIMULATOR_ACQUIRER_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type EmbeddedEnv = z.infer<typeof schema>;

export function loadEmbeddedEnv(env: NodeJS.ProcessEnv): EmbeddedEnv {
  return loadConfig(schema, env);
}
