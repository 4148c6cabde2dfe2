import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { startNodeSdk, type TelemetryHandle } from './node-sdk.factory';

export interface TestTelemetry extends TelemetryHandle {
  /** Every ended span, as the exporters see it (after card-data redaction). */
  readonly exporter: InMemorySpanExporter;
}

/**
 * Tracing for tests that assert spans: the same SDK setup and redaction as {@link startTelemetry},
 * exporting synchronously to memory, without instrumentations (a test creates its spans). Call
 * `shutdown()` in afterAll/afterEach so the next test can start its own.
 */
export function startTestTelemetry(serviceName = 'test'): TestTelemetry {
  const exporter = new InMemorySpanExporter();
  const handle = startNodeSdk({
    serviceName,
    exportingProcessors: [new SimpleSpanProcessor(exporter)],
    instrumentations: [],
    detectResources: false,
  });
  return { exporter, shutdown: () => handle.shutdown() };
}
