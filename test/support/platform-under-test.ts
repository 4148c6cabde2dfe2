import { join } from 'node:path';

import { loadEmbeddedEnv, startEmbeddedPlatform } from '@payments/embedded';
import type { SeededOperatorAdmin } from '@payments/gateway-app';
import { hashOperatorKey } from '@payments/runtime';
import { AcquirerHostSimulator, freePort } from '@payments/testing';

import { startDistributedPlatform } from './distributed-platform';
import { repoRoot } from './repo-root.util';

/** One platform, whichever run mode: what the end-to-end suite talks to. */
export interface PlatformUnderTest {
  readonly mode: 'embedded' | 'distributed';
  readonly gatewayUrl: string;
  /** host:port of the gateway's gRPC API. */
  readonly gatewayGrpcAddress: string;
  /** Where the journal is served (embedded: the operator listener); it takes OPERATOR_KEY. */
  readonly authorizationUrl: string;
  /** Where the settlement totals are served (embedded: the operator listener); it takes OPERATOR_KEY. */
  readonly settlementUrl: string;
  /** The gateway's metrics (embedded: the operator listener, with every service's metrics). */
  readonly metricsUrl: string;
  /** Every process's metrics endpoint (embedded: the one operator listener), what a Prometheus scrapes. */
  readonly metricsUrls: readonly string[];
  /** The gateway's operator listener: the operator API (session, operators, audit log). */
  readonly operatorApiUrl: string;
  readonly simulator: AcquirerHostSimulator;
  /** Embedded mode: the admin this start created (DATA_DIR=memory: every start), as it prints it. */
  readonly seededOperatorAdmin?: SeededOperatorAdmin;
  stop(): Promise<void>;
}

/** The operator key of the test platforms (journal, totals). */
export const OPERATOR_KEY = 'e2e-operator-key-0123456789';

/** Short timeouts, so the host-silent cases finish quickly. */
export const TEST_SERVICE_ENV = {
  AUTHORIZATION_HOST_TIMEOUT_MS: '1500',
  AUTHORIZATION_REVERSAL_RETRY_MS: '200',
  GATEWAY_AUTHORIZE_TIMEOUT_MS: '8000',
  GATEWAY_SEED_DEMO_TERMINAL: 'true',
  GATEWAY_DEMO_TERMINAL_KEY: 'e2e-terminal-key-0123456789',
  // Each suite that closes days or uses "the last operation" has its own register (key + '-n'):
  // DEMO0002 register operations, DEMO0003 the crash test, DEMO0004 gRPC operations, DEMO0005 cashier prompts.
  // DEMO0006 acquirer routing, DEMO0007 register timeouts, DEMO0008 the restart bench, DEMO0009 the settlement day.
  GATEWAY_DEMO_TERMINAL_COUNT: '9',
  ANTIFRAUD_CARD_VELOCITY_MAX: '100000',
  // Every suite's registers share the ANSI test pad (one initial KSN, counters from 1 in each
  // suite): the PIN pad registry has its own suite (pin-pad-registry.e2e-spec.ts).
  AUTHORIZATION_PIN_PAD_REGISTRY: 'off',
  LOG_LEVEL: 'warn',
  OPERATOR_KEY_HASHES: hashOperatorKey(OPERATOR_KEY),
};

/** What a suite may change: more service variables, and the port of the platform's own host simulator. */
export interface PlatformOptions {
  readonly env?: Record<string, string>;
  readonly simulatorPort?: number;
  /** Embedded mode: every log line of the platform, instead of stdout (the distributed mode logs to files). */
  readonly onLogLine?: (line: string) => void;
}

export async function startEmbedded(options: PlatformOptions = {}): Promise<PlatformUnderTest> {
  const port = await freePort();
  const env = { ...process.env, ...TEST_SERVICE_ENV, ...options.env };
  const { onLogLine } = options;
  const platform = await startEmbeddedPlatform(
    loadEmbeddedEnv({
      ...env,
      PORT: String(port),
      GRPC_PORT: '0',
      OPERATOR_PORT: '0',
      DATA_DIR: 'memory',
      SIMULATOR_ACQUIRER_PORT: String(options.simulatorPort ?? 0),
    }),
    env,
    { logDestination: onLogLine && { write: (line: string) => onLogLine(line) } },
  );
  return {
    mode: 'embedded',
    gatewayUrl: platform.url,
    gatewayGrpcAddress: platform.grpcAddress,
    authorizationUrl: platform.operatorUrl,
    settlementUrl: platform.operatorUrl,
    metricsUrl: `${platform.operatorUrl}/metrics`,
    metricsUrls: [`${platform.operatorUrl}/metrics`],
    operatorApiUrl: platform.operatorUrl,
    simulator: platform.simulator,
    seededOperatorAdmin: platform.seededOperatorAdmin,
    stop: () => platform.close(),
  };
}

/** Seven processes from dist/ against the real Kafka, PostgreSQL and Redis of scripts/infra/up.sh. */
export async function startDistributed(options: PlatformOptions = {}): Promise<PlatformUnderTest> {
  const root = repoRoot();
  const simulator = new AcquirerHostSimulator({ port: options.simulatorPort ?? (await freePort()) });
  const { port } = await simulator.start();
  try {
    const platform = await startDistributedPlatform({
      root,
      logDir: join(root, '.infra/logs/e2e'),
      // E2E_PORT_OFFSET lets two checkouts on one machine run the distributed suites side by side.
      portOffset: Number(process.env.E2E_PORT_OFFSET ?? 100),
      env: { ...process.env, ...TEST_SERVICE_ENV, AUTHORIZATION_ACQUIRER_PORT: String(port), ...options.env },
    });
    return {
      mode: 'distributed',
      gatewayUrl: platform.urls.gateway,
      gatewayGrpcAddress: platform.gatewayGrpcAddress,
      authorizationUrl: platform.urls.authorization,
      settlementUrl: platform.urls.settlement,
      metricsUrl: `${platform.gatewayOperatorUrl}/metrics`,
      // The gateway serves its metrics on the operator listener only; the others on their PORT.
      metricsUrls: Object.entries(platform.urls).map(([name, url]) => `${name === 'gateway' ? platform.gatewayOperatorUrl : url}/metrics`),
      operatorApiUrl: platform.gatewayOperatorUrl,
      simulator,
      stop: async () => {
        await platform.stop();
        await simulator.stop();
      },
    };
  } catch (error) {
    await simulator.stop();
    throw error;
  }
}
