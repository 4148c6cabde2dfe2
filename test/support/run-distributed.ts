import { join } from 'node:path';

import { DEMO_PIN_PAD_SEED } from '@payments/embedded';
import { DEMO_OPERATOR_KEY } from '@payments/runtime';
import { AcquirerHostSimulator } from '@payments/testing';

import { internalGrpcEnv, SERVICES, startDistributedPlatform } from './distributed-platform';
import { repoRoot } from './repo-root.util';

/**
 * `npm run start:distributed`: the seven services as separate processes against the real Kafka,
 * PostgreSQL and Redis that scripts/infra/up.sh started, with the acquirer host simulator.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const simulator = new AcquirerHostSimulator({ port: Number(process.env.SIMULATOR_ACQUIRER_PORT ?? 8583) });
  const { port } = await simulator.start();
  // E2E_PORT_OFFSET moves every port, so a second checkout can run beside this one.
  const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);
  const internal = internalGrpcEnv(portOffset);
  const platform = await startDistributedPlatform({
    root,
    portOffset,
    logDir: join(root, '.infra/logs'),
    // The demo register and its PIN pad, as in the embedded mode (scripts/demo-purchase.js works on both).
    env: { AUTHORIZATION_PIN_PADS_SEED: DEMO_PIN_PAD_SEED, ...process.env, AUTHORIZATION_ACQUIRER_PORT: String(port), GATEWAY_SEED_DEMO_TERMINAL: 'true' },
  });
  process.stdout.write(
    [
      '',
      'Payment platform running (distributed: seven processes over Kafka, PostgreSQL and Redis)',
      ...SERVICES.map((s) => `  ${s.name.padEnd(15)}${platform.urls[s.name]}  (/health/ready${s.name === 'gateway' ? '' : ', /metrics'})`),
      `  Operators      ${platform.gatewayOperatorUrl}/metrics (the gateway's); journal and totals on authorization and settlement with the operator key`,
      `  Operator key   ${process.env.OPERATOR_KEY_HASHES ? 'from OPERATOR_KEY_HASHES' : `"${DEMO_OPERATOR_KEY}" (demo)`}`,
      `  API docs       ${platform.gatewayUrl}/docs`,
      `  gRPC API       ${platform.gatewayGrpcAddress}  (payments.terminal.v1.TerminalService, server reflection, grpc.health.v1)`,
      `  Internal gRPC  authorization ${internal.GATEWAY_AUTHORIZATION_GRPC_URL}, antifraud ${internal.AUTHORIZATION_ANTIFRAUD_GRPC_URL} (grpc.health.v1)`,
      `  Acquirer host  simulator on 127.0.0.1:${port}`,
      `  Demo terminal  DEMO0001, API key "${process.env.GATEWAY_DEMO_TERMINAL_KEY ?? 'demo-terminal-key-change-me'}"`,
      `  Try it         GATEWAY_URL=${platform.gatewayUrl} node scripts/demo-purchase.js`,
      '  Logs           .infra/logs/',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void platform.stop().then(() => simulator.stop());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
