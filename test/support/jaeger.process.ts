import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '@payments/testing';

/** A span as Jaeger's query API (`/api/traces`) returns it. */
export interface JaegerSpan {
  readonly traceID: string;
  readonly spanID: string;
  readonly operationName: string;
  readonly references: readonly { refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }[];
  /** Microseconds since the epoch. */
  readonly startTime: number;
  readonly duration: number;
  readonly tags: readonly { key: string; type: string; value: unknown }[];
  readonly processID: string;
}

export interface JaegerTrace {
  readonly traceID: string;
  readonly spans: readonly JaegerSpan[];
  readonly processes: Readonly<Record<string, { serviceName: string; tags?: readonly { key: string; value: unknown }[] }>>;
}

export interface JaegerUnderTest {
  /** OTLP/HTTP base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly otlpUrl: string;
  /** Jaeger's query API and UI. */
  readonly queryUrl: string;
  /** Traces of `service` (and `operation`, when given) that Jaeger holds, newest first. */
  traces(service: string, operation?: string): Promise<JaegerTrace[]>;
  stop(): Promise<void>;
}

/**
 * Jaeger v2 (built by scripts/infra/jaeger.sh into .infra/bin/jaeger) on loopback only: an OTLP/HTTP
 * receiver, in-memory storage and the query API, each on a free port. Its log goes to logDir.
 */
export async function startJaeger(root: string, logDir: string): Promise<JaegerUnderTest> {
  const binary = join(root, '.infra/bin/jaeger');
  if (!existsSync(binary)) throw new Error('.infra/bin/jaeger is missing: run scripts/infra/jaeger.sh');
  const [otlpPort, queryPort, queryGrpcPort] = [await freePort(), await freePort(), await freePort()];
  mkdirSync(logDir, { recursive: true });
  const config = join(logDir, 'jaeger.yaml');
  writeFileSync(config, jaegerConfig(otlpPort, queryPort, queryGrpcPort));
  const log = createWriteStream(join(logDir, 'jaeger.log'));
  const child = spawn(binary, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const queryUrl = `http://127.0.0.1:${queryPort}`;
  await waitReady(child, `${queryUrl}/api/services`, `http://127.0.0.1:${otlpPort}/v1/traces`);
  return {
    otlpUrl: `http://127.0.0.1:${otlpPort}`,
    queryUrl,
    async traces(service, operation) {
      const query = new URLSearchParams({ service, limit: '20', lookback: '1h', ...(operation ? { operation } : {}) });
      const response = await fetch(`${queryUrl}/api/traces?${query.toString()}`);
      if (!response.ok) throw new Error(`Jaeger query: HTTP ${response.status}`);
      return ((await response.json()) as { data: JaegerTrace[] | null }).data ?? [];
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
    },
  };
}

// Memory storage, the OTLP/HTTP receiver and the query API; no other receiver, extension or telemetry port.
function jaegerConfig(otlpPort: number, queryPort: number, queryGrpcPort: number): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 10000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:${queryPort}
    grpc:
      endpoint: 127.0.0.1:${queryGrpcPort}
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${otlpPort}
processors:
  batch:
    timeout: 100ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

async function waitReady(child: ChildProcess, ...urls: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jaeger exited with ${child.exitCode} (see its log)`);
    // Any HTTP answer means the listener is up (the OTLP endpoint answers a GET with 405).
    const answers = await Promise.all(
      urls.map((url) =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (answers.every(Boolean)) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('jaeger not ready within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
