import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { INestApplication } from '@nestjs/common';
import { z } from 'zod';

import { InMemoryCache } from '@payments/cache';
import { loadConfig } from '@payments/config';
import { InMemoryMessageBus } from '@payments/messaging';
import { createLogger, type JsonLoggerOptions, MetricsModule, NestJsonLogger, startTelemetry } from '@payments/observability';
import { InProcessRpc } from '@payments/rpc';
import {
  createNestApp,
  DatabaseFactory,
  internalTlsEnvShape,
  OperatorKeyRing,
  OperatorListener,
  operatorEnvShape,
  PlatformModule,
  TlsFiles,
} from '@payments/runtime';

import { DeviceBridgeModule } from './device-bridge.module';

const processSchema = z.object({
  /** Where registers reach the bridge (the shop's LAN), as every service listens. */
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3006),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  ...operatorEnvShape,
  // HTTPS on PORT with the same files as every service (TLS_CERT_FILE, TLS_KEY_FILE, TLS_CA_FILE); none: plain HTTP.
  ...internalTlsEnvShape,
});

export interface RunningDeviceBridge {
  readonly app: INestApplication;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The bridge as its own process in the shop: the register API, the PIN pads, local state in
 * DATA_DIR. It needs no broker, cache or database server: in-process stand-ins fill the platform's
 * slots, and nothing in the bridge uses them.
 */
export async function startDeviceBridge(
  env: NodeJS.ProcessEnv = process.env,
  /** telemetry: start tracing first, as every service process does (not for a bridge inside a test). */
  options: { logDestination?: JsonLoggerOptions['destination']; telemetry?: boolean } = {},
): Promise<RunningDeviceBridge> {
  const config = loadConfig(processSchema, env);
  if (options.telemetry) startTelemetry({ serviceName: 'device-bridge', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger({ service: 'device-bridge', level: config.LOG_LEVEL, destination: options.logDestination });
  const tls = TlsFiles.fromEnv(config);
  const app = await createNestApp(
    {
      module: class DeviceBridgeProcessModule {},
      imports: [
        PlatformModule.forRoot({
          bus: new InMemoryMessageBus(),
          rpc: new InProcessRpc(),
          cache: new InMemoryCache(),
          databases: new DatabaseFactory({ mode: { kind: 'pglite' }, migrateOnOpen: false }),
          // No operator listener: /metrics is served on PORT, as by the other services.
          operator: { keys: OperatorKeyRing.fromConfig(config.OPERATOR_KEY_HASHES, config.NODE_ENV), listener: new OperatorListener() },
        }),
        MetricsModule.forRoot({ service: 'device-bridge' }),
        DeviceBridgeModule.forStore(env),
      ],
    },
    { title: 'device-bridge', logger: new NestJsonLogger(logger), tls },
  );
  await app.init();
  await app.listen(config.PORT, config.HOST);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  logger.info({ port }, 'device-bridge listening');
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return { app, url: `${tls ? 'https' : 'http'}://${host}:${port}`, close: () => app.close() };
}
