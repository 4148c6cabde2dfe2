import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { INestApplication } from '@nestjs/common';
import { z } from 'zod';

import { InMemoryCache } from '@payments/cache';
import { loadConfig } from '@payments/config';
import { InMemoryMessageBus } from '@payments/messaging';
import { createLogger, type JsonLoggerOptions, NestJsonLogger } from '@payments/observability';
import { InProcessRpc } from '@payments/rpc';
import { createNestApp, DatabaseFactory, OperatorKeyRing, OperatorListener, PlatformModule } from '@payments/runtime';

import { DeviceBridgeModule } from './device-bridge.module';

const processSchema = z.object({
  /** Where registers reach the bridge: loopback unless the shop's registers are other machines. */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3006),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
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
  options: { logDestination?: JsonLoggerOptions['destination'] } = {},
): Promise<RunningDeviceBridge> {
  const config = loadConfig(processSchema, env);
  const logger = createLogger({ service: 'device-bridge', level: config.LOG_LEVEL, destination: options.logDestination });
  const app = await createNestApp(
    {
      module: class DeviceBridgeProcessModule {},
      imports: [
        PlatformModule.forRoot({
          bus: new InMemoryMessageBus(),
          rpc: new InProcessRpc(),
          cache: new InMemoryCache(),
          databases: new DatabaseFactory({ mode: { kind: 'pglite' }, migrateOnOpen: false }),
          operator: { keys: new OperatorKeyRing([]), listener: new OperatorListener() },
        }),
        DeviceBridgeModule.forStore(env),
      ],
    },
    { title: 'device-bridge', logger: new NestJsonLogger(logger) },
  );
  await app.init();
  await app.listen(config.PORT, config.HOST);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  logger.info({ port }, 'device-bridge listening');
  return { app, url: `http://${config.HOST}:${port}`, close: () => app.close() };
}
