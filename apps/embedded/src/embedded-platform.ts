import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { INestApplication } from '@nestjs/common';

import { AgentsBillingModule } from '@payments/agents-billing-app';
import { AntifraudModule } from '@payments/antifraud-app';
import { AuthorizationModule } from '@payments/authorization-app';
import { InMemoryCache } from '@payments/cache';
import { ANSI_TEST_INITIAL_KSN } from '@payments/crypto';
import { DeviceBridgeModule } from '@payments/device-bridge-app';
import { GatewayModule, OperatorAdminSeeder, type SeededOperatorAdmin } from '@payments/gateway-app';
import { InMemoryMessageBus } from '@payments/messaging';
import { createLogger, type JsonLoggerOptions, MetricsModule, NestJsonLogger } from '@payments/observability';
import { InProcessRpc } from '@payments/rpc';
import { QrMerchantModule } from '@payments/qr-merchant-app';
import { createNestApp, DatabaseFactory, operatorAccessOf, OperatorKeyRing, OperatorListener, PlatformModule } from '@payments/runtime';
import { SettlementModule } from '@payments/settlement-app';
import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { EmbeddedEnv } from './embedded-env';
import { embeddedSettlementFilesEnv } from './embedded-settlement-files';

/** The demo register's PIN pad, loaded from the public ANSI test BDK (`ansi-test-bdk` in the default CARD_BDKS). */
export const DEMO_PIN_PAD_SEED = `DEMO-PP-0001:ansi-test-bdk:${ANSI_TEST_INITIAL_KSN}:DEMO0001`;

export interface EmbeddedPlatform {
  readonly app: INestApplication;
  readonly url: string;
  /** The operators' listener: journal, settlement totals, metrics and their docs (operator key). */
  readonly operatorUrl: string;
  readonly operatorKeys: OperatorKeyRing;
  /** The operator admin this start created (none existed), for the host to print once; undefined otherwise. */
  readonly seededOperatorAdmin?: SeededOperatorAdmin;
  /** host:port of the gRPC API. */
  readonly grpcAddress: string;
  readonly simulator: AcquirerHostSimulator;
  readonly bus: InMemoryMessageBus;
  close(): Promise<void>;
}

/**
 * All seven services in one process: the in-memory bus, direct calls in process (no gRPC between
 * services), PGlite per service under DATA_DIR, the in-memory cache and the acquirer host simulator. The same modules the standalone processes run.
 */
export async function startEmbeddedPlatform(
  config: EmbeddedEnv,
  env: NodeJS.ProcessEnv = process.env,
  /** logDestination: where the log lines go instead of stdout (a test reading what was logged). */
  options: { logDestination?: JsonLoggerOptions['destination'] } = {},
): Promise<EmbeddedPlatform> {
  const logger = createLogger({ service: 'embedded', level: config.LOG_LEVEL, destination: options.logDestination });
  // A fixed port, so the simulator can be stopped and started again where the host link expects it.
  const simulator = new AcquirerHostSimulator({ port: config.SIMULATOR_ACQUIRER_PORT || (await freePort()) });
  const { port: acquirerPort } = await simulator.start();
  // Chosen here rather than by the gateway, so the host knows the address it serves.
  const grpcPort = config.GRPC_PORT || (await freePort());

  const operatorKeys = OperatorKeyRing.fromConfig(config.OPERATOR_KEY_HASHES, config.NODE_ENV);
  const operatorListener = new OperatorListener();
  const bus = new InMemoryMessageBus();
  const databases = new DatabaseFactory({
    mode: { kind: 'pglite', dataRoot: config.DATA_DIR === 'memory' ? undefined : config.DATA_DIR },
    migrateOnOpen: true,
  });
  const serviceEnv: NodeJS.ProcessEnv = {
    GATEWAY_SEED_DEMO_TERMINAL: 'true',
    GATEWAY_SEED_OPERATOR_ADMIN: 'true',
    AGENTS_BILLING_SEED_DEMO: 'true',
    // The demo register's PIN pad (the public ANSI test key): `scripts/demo-purchase.js` and `cli card encrypt`.
    AUTHORIZATION_PIN_PADS_SEED: DEMO_PIN_PAD_SEED,
    ...embeddedSettlementFilesEnv(config.DATA_DIR, env),
    ...env,
    AUTHORIZATION_ACQUIRER_HOST: '127.0.0.1',
    AUTHORIZATION_ACQUIRER_PORT: String(acquirerPort),
    DEVICE_BRIDGE_GATEWAY_URL: `http://127.0.0.1:${config.PORT}`,
    GATEWAY_GRPC_HOST: config.HOST,
    GATEWAY_GRPC_PORT: String(grpcPort),
    // One process on loopback: every listener plaintext (TLS between the services is the distributed mode's).
    GATEWAY_REGISTER_TLS: 'off',
  };

  const app = await createNestApp(
    {
      module: class EmbeddedPlatformModule {},
      imports: [
        PlatformModule.forRoot({
          bus,
          rpc: new InProcessRpc(),
          cache: new InMemoryCache(),
          databases,
          operator: { keys: operatorKeys, listener: operatorListener, access: operatorAccessOf(config, 'embedded') },
        }),
        MetricsModule.forRoot({ service: 'embedded' }),
        GatewayModule.forRoot(serviceEnv),
        AuthorizationModule.forRoot(serviceEnv),
        AntifraudModule.forRoot(serviceEnv),
        SettlementModule.forRoot(serviceEnv),
        AgentsBillingModule.forRoot(serviceEnv),
        QrMerchantModule.forRoot(serviceEnv),
        DeviceBridgeModule.forRoot(serviceEnv),
      ],
    },
    { title: 'Payment platform (embedded)', logger: new NestJsonLogger(logger), openApi: true, operatorListener },
  );
  await app.init();
  // Operators get their own port, opened first: the register API's port never serves the journal or metrics.
  await operatorListener.open(app, config.OPERATOR_PORT, config.HOST);
  await app.listen(config.PORT, config.HOST);
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    app,
    url: `http://${config.HOST}:${address.port}`,
    operatorUrl: `http://${config.HOST}:${String(operatorListener.port)}`,
    operatorKeys,
    seededOperatorAdmin: app.get(OperatorAdminSeeder).seeded,
    grpcAddress: `${config.HOST}:${grpcPort}`,
    simulator,
    bus,
    async close() {
      await app.close();
      await simulator.stop();
    },
  };
}
