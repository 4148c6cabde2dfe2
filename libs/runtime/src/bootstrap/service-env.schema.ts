import { z } from 'zod';

import { operatorEnvShape } from '../operator/operator-env.schema';
import { internalTlsEnvShape } from '../tls/internal-tls.env';

/** What every standalone service process reads at boot (distributed mode). */
export function serviceEnvSchema(defaultPort: number) {
  return z.object({
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(defaultPort),
    /** A second listener for the operators' endpoints (journal, totals, metrics, their docs); unset: PORT serves them too. */
    OPERATOR_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    ...operatorEnvShape,
    ...internalTlsEnvShape,
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((v) =>
        v
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      ),
    /** Partitions of the topics a service creates: how many messages of one topic a service handles at once. */
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(256).default(12),
    /** Internal gRPC calls of one method a service handles at once; more wait their turn (within their deadline). */
    RPC_MAX_CONCURRENT_CALLS: z.coerce.number().int().min(1).max(1_000).default(12),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    DATABASE_URL: z.string().url().default('postgres://payments:payments@127.0.0.1:5432/payments'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** The Helm chart runs migrations in a Job; local runs may apply them at boot instead. */
    MIGRATE_ON_BOOT: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  });
}
export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
