import { DEMO_AGENTS, DEMO_PAYEE } from '@payments/agents-billing-app';
import { createLogger, startTelemetry } from '@payments/observability';
import { DEMO_OPERATOR_KEY } from '@payments/runtime';

import type { SeededOperatorAdmin } from '@payments/gateway-app';

import { loadEmbeddedEnv } from './embedded-env';
import { startEmbeddedPlatform } from './embedded-platform';

const config = loadEmbeddedEnv(process.env);
const telemetry = startTelemetry({ serviceName: 'payments-embedded', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const logger = createLogger({ service: 'embedded', level: config.LOG_LEVEL });

startEmbeddedPlatform(config).then(
  (platform) => {
    const key = process.env.GATEWAY_DEMO_TERMINAL_KEY ?? 'demo-terminal-key-change-me';
    process.stdout.write(
      [
        '',
        'Payment platform running (embedded: all seven services in one process, no servers needed)',
        `  API            ${platform.url}/v1/purchases`,
        `  API docs       ${platform.url}/docs`,
        `  gRPC API       ${platform.grpcAddress}  (payments.terminal.v1.TerminalService, server reflection, grpc.health.v1)`,
        `  Health         ${platform.url}/health/ready`,
        `  Operators      ${platform.operatorUrl}/v1/journal/transactions, /v1/settlement/terminal-totals, /metrics, /docs`,
        `  Console        ${platform.operatorUrl}/console  (the operators' web console: log in with the admin below)`,
        ...operatorAdminLines(platform.seededOperatorAdmin),
        `  Operator key   ${platform.operatorKeys.acceptsDemoKey() ? `"${DEMO_OPERATOR_KEY}" (demo; set OPERATOR_KEY_HASHES for your own)` : 'from OPERATOR_KEY_HASHES'}`,
        `  Data           ${config.DATA_DIR === 'memory' ? 'in memory' : `${config.DATA_DIR}/ (PGlite, one database per service)`}`,
        `  Demo terminal  DEMO0001, API key "${key}"`,
        '  Try it         node scripts/demo-purchase.js',
        `  Demo agents    kiosk ${DEMO_AGENTS.kioskId} (dealer ${DEMO_AGENTS.dealerId}), payee "${DEMO_PAYEE.id}" (README: "An agent's payment")`,
        '',
      ].join('\n'),
    );
    const stop = (): void => {
      void platform.close().then(() => telemetry.shutdown());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    logger.fatal({ err: error }, 'embedded platform failed to start');
    process.exit(1);
  },
);

/** The first admin, printed at the one start that created it (add its secret to an authenticator app, or use the URI). */
function operatorAdminLines(admin: SeededOperatorAdmin | undefined): string[] {
  if (!admin) return ['  Operator login an admin exists already (POST /v1/operator/session); none printed'];
  return [
    `  Operator login username "${admin.username}", password "${admin.password}" (shown once: keep it)`,
    `                 TOTP secret ${admin.totpSecret}  (${admin.totpUri})`,
  ];
}
