// Tracing
export { startTelemetry, type TelemetryOptions } from './tracing/telemetry.bootstrap';
export { startTestTelemetry, type TestTelemetry } from './tracing/test-telemetry.bootstrap';
export type { TelemetryHandle } from './tracing/node-sdk.factory';
export { CardDataRedactingSpanProcessor, redactSpan } from './tracing/card-data-redacting.span-processor';
export { activeTraceFields, type TraceLogFields } from './tracing/active-trace.util';
export { isUntracedRequestPath } from './tracing/untraced-request.filter';

// Redaction (PCI DSS 3.3/3.4)
export { redactCardData } from './redaction/card-data.redactor';
export { redactLogValue } from './redaction/log-value.redactor';
export { isSensitiveKey, REDACTED } from './redaction/sensitive-key.policy';

// Logging
export { createLogger, type JsonLoggerOptions } from './logging/json-logger.factory';
export { NestJsonLogger } from './logging/nest-json.logger';
export { createLogCapture, type LogCapture } from './logging/log-capture.destination';

// Metrics
export {
  metricsRegistry,
  setMetricsServiceLabel,
  getOrCreateCounter,
  getOrCreateGauge,
  getOrCreateCollectedGauge,
  getOrCreateHistogram,
} from './metrics/metrics.registry';
export { scrapedSample } from './metrics/scraped-sample.util';
export { MetricsModule, type MetricsModuleOptions } from './metrics/metrics.module';
export { MetricsController } from './metrics/metrics.controller';
export { HttpMetricsInterceptor, HTTP_REQUESTS_TOTAL, HTTP_REQUEST_DURATION_SECONDS } from './metrics/http-metrics.interceptor';
