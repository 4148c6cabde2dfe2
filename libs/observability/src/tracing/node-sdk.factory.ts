import { trace, context, propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

import { CardDataRedactingSpanProcessor } from './card-data-redacting.span-processor';

export interface TelemetryHandle {
  /** Flushes pending spans and unregisters the global tracer, context manager and propagator. */
  shutdown(): Promise<void>;
}

export interface NodeSdkParts {
  readonly serviceName: string;
  readonly serviceVersion?: string;
  /** Processors that export; every span reaches them through the card-data redaction first. */
  readonly exportingProcessors: readonly SpanProcessor[];
  readonly instrumentations: readonly Instrumentation[];
  readonly detectResources: boolean;
}

/**
 * Starts a NodeSDK with traces only: the metric reader and log processor lists are given empty on
 * purpose, since the SDK would otherwise default to pushing OTLP metrics and logs to localhost
 * (Prometheus scrapes prom-client, and logs go to stdout as JSON). The redacting processor is
 * always registered, so spans and trace ids exist even with nothing to export them to.
 */
export function startNodeSdk(parts: NodeSdkParts): TelemetryHandle {
  const sdk = new NodeSDK({
    serviceName: parts.serviceName,
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: parts.serviceName,
      ...(parts.serviceVersion === undefined ? {} : { [ATTR_SERVICE_VERSION]: parts.serviceVersion }),
    }),
    autoDetectResources: parts.detectResources,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: [new CardDataRedactingSpanProcessor(parts.exportingProcessors)],
    instrumentations: [...parts.instrumentations],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return {
    async shutdown(): Promise<void> {
      try {
        await sdk.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
}
