import { DynamicModule } from '@nestjs/common';

import { RedisCache } from '@payments/cache';
import { loadConfig } from '@payments/config';
import { KafkaMessageBus } from '@payments/messaging';
import { createLogger, MetricsModule, NestJsonLogger, startTelemetry } from '@payments/observability';
import { GrpcRpc } from '@payments/rpc';

import { DatabaseFactory } from '../database/database.factory';
import { operatorAccessOf } from '../operator/operator-access.settings';
import { OperatorKeyRing } from '../operator/operator-key.ring';
import { OperatorListener } from '../operator/operator-listener';
import { PlatformModule } from '../platform/platform.module';
import { TlsFiles } from '../tls/tls-files';
import { createNestApp } from './nest-app.factory';
import { serviceEnvSchema } from './service-env.schema';

export interface ServiceDefinition {
  /** The app's name, as in apps/<name>. */
  readonly name: string;
  readonly defaultPort: number;
  /** The operator listener's port when OPERATOR_PORT is unset (a service whose PORT registers reach); none: PORT serves everything. */
  readonly defaultOperatorPort?: number;
  /** The service as one Nest module, built from the environment it validates itself. */
  readonly module: (env: NodeJS.ProcessEnv) => DynamicModule;
  readonly openApi?: boolean;
  /** The synchronous path of this process, from its own typed env: what it serves and whom it calls. */
  readonly rpc?: (env: NodeJS.ProcessEnv) => ServiceRpcConfig;
  /**
   * A service whose PORT registers reach (through the ingress): whether PORT serves HTTPS, from its
   * own setting rather than the internal TLS. Absent: PORT is internal and follows TLS_CERT_FILE.
   */
  readonly registerPortTls?: (env: NodeJS.ProcessEnv) => boolean;
}

export interface ServiceRpcConfig {
  /** Serve this app's internal gRPC services on HOST:port. */
  readonly port?: number;
  /** host:port of each internal service it calls, by full proto service name. */
  readonly endpoints?: Readonly<Record<string, string>>;
}

/**
 * Runs one service as its own process (distributed mode): Kafka, gRPC, Redis and PostgreSQL, its
 * own /health and /metrics. Telemetry starts before the application is created.
 */
export async function runService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(serviceEnvSchema(definition.defaultPort), env);
  const operatorKeys = OperatorKeyRing.fromConfig(config.OPERATOR_KEY_HASHES, config.NODE_ENV);
  const operatorPort = config.OPERATOR_PORT ?? definition.defaultOperatorPort;
  const operatorListener = new OperatorListener();
  // TLS between the services: the internal gRPC (mutual unless TLS_CLIENT_AUTH=off) and every HTTP listener.
  const mainPortTls = definition.registerPortTls ? definition.registerPortTls(env) : config.TLS_CERT_FILE !== undefined;
  const tls = mainPortTls ? TlsFiles.required(config, `for the HTTPS of ${definition.name}'s PORT`) : TlsFiles.fromEnv(config);
  const telemetry = startTelemetry({ serviceName: definition.name, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });

  const bus = new KafkaMessageBus({
    brokers: config.KAFKA_BROKERS,
    clientId: definition.name,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
  });
  const rpcConfig = definition.rpc?.(env) ?? {};
  const rpc = new GrpcRpc({
    listen: rpcConfig.port === undefined ? undefined : { host: config.HOST, port: rpcConfig.port },
    endpoints: rpcConfig.endpoints,
    maxConcurrentCalls: config.RPC_MAX_CONCURRENT_CALLS,
    tls: tls?.grpc,
  });
  const cache = new RedisCache({ url: config.REDIS_URL });
  const databases = new DatabaseFactory({
    mode: { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
    migrateOnOpen: config.MIGRATE_ON_BOOT,
  });

  const app = await createNestApp(
    {
      module: class ServiceProcessModule {},
      imports: [
        PlatformModule.forRoot({
          bus,
          rpc,
          cache,
          databases,
          operator: { keys: operatorKeys, listener: operatorListener, access: operatorAccessOf(config, definition.name) },
        }),
        MetricsModule.forRoot({ service: definition.name }),
        definition.module(env),
      ],
    },
    { title: definition.name, logger: new NestJsonLogger(logger), openApi: definition.openApi, operatorListener, tls: mainPortTls ? tls : undefined },
  );
  await app.init();
  // The operator listener first, so the register-facing port never serves an operator route.
  if (operatorPort !== undefined) await operatorListener.open(app, operatorPort, config.HOST, tls);
  await app.listen(config.PORT, config.HOST);
  const security = { tls: tls !== undefined, portTls: mainPortTls, grpcClientAuth: tls?.grpc.requireClientCertificate ?? false };
  logger.info({ port: config.PORT, operatorPort: operatorListener.port, ...security }, `${definition.name} listening`);

  const stopTelemetry = (): void => void telemetry.shutdown();
  process.once('SIGTERM', stopTelemetry);
  process.once('SIGINT', stopTelemetry);
}

/** A service's main.ts: run it, or say in one JSON line why it could not start and exit non-zero. */
export function launchService(definition: ServiceDefinition): void {
  runService(definition).catch((error: unknown) => {
    console.error(JSON.stringify({ service: definition.name, msg: 'failed to start', error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  });
}
