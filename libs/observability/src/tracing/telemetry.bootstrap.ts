import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { startNodeSdk, type TelemetryHandle } from './node-sdk.factory';
import { isUntracedRequestPath } from './untraced-request.filter';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** OTLP/HTTP collector base URL (`http://collector:4318`) or its full `/v1/traces` URL. No exporter when unset. */
  otlpEndpoint?: string;
}

const OTLP_TRACES_PATH = '/v1/traces';
let running: TelemetryHandle | undefined;

/**
 * Starts tracing for this process. main.ts must call it FIRST, before `@nestjs/core`, express or
 * any client library (pg, ioredis, kafkajs) is loaded, so the HTTP instrumentation patches the
 * modules before they are used; load the application module afterwards (dynamic import). See this
 * library's README. Idempotent: the embedded host and a service's main.ts may both call it.
 */
export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  if (running) return running;
  const exporting = options.otlpEndpoint ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }))] : [];
  const handle = startNodeSdk({
    serviceName: options.serviceName,
    serviceVersion: options.serviceVersion,
    exportingProcessors: exporting,
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isUntracedRequestPath(request.url) })],
    detectResources: true,
  });
  running = {
    async shutdown(): Promise<void> {
      running = undefined;
      await handle.shutdown();
    },
  };
  return running;
}

function tracesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith(OTLP_TRACES_PATH) ? base : `${base}${OTLP_TRACES_PATH}`;
}
