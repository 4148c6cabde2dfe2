import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry: default Node.js metrics (no prefix) plus every metric of
 * the platform. Only prom-client 15 may register here (ENVIRONMENT.md: a second client library
 * keeps its own registry and its metrics vanish from /metrics).
 */
export const metricsRegistry = new Registry();
// Event-loop delay is sampled every 100 ms, not prom-client's 10 ms: that timer alone kept an idle
// process at about 0.5 % of a core; the lag percentiles stay as exact, over fewer samples.
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 100 });

/** Sets the `service` label carried by every metric of this process (MetricsModule.forRoot does it). */
export function setMetricsServiceLabel(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
}

type MetricClass = typeof Counter | typeof Gauge | typeof Histogram;

/** The counter registered under `name`, creating it on first use (a second module asking gets the same one). */
export function getOrCreateCounter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return existing(name, Counter, labelNames) ?? new Counter<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

/** The gauge registered under `name`, creating it on first use. */
export function getOrCreateGauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  return existing(name, Gauge, labelNames) ?? new Gauge<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

/**
 * A gauge read at each scrape: `collect` sets its values (a count kept in a database, say). A second
 * registration of the name replaces the collector, so the newest module instance is the one read.
 */
export function getOrCreateCollectedGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  collect: (gauge: Gauge<L>) => Promise<void>,
): Gauge<L> {
  const gauge = getOrCreateGauge(name, help, labelNames);
  // prom-client awaits a gauge's `collect` before every read of its values (its documented config hook).
  (gauge as unknown as { collect: () => Promise<void> }).collect = () => collect(gauge);
  return gauge;
}

/** The histogram registered under `name`, creating it on first use; buckets in the metric's unit. */
export function getOrCreateHistogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets?: readonly number[]): Histogram<L> {
  return (
    existing(name, Histogram, labelNames) ??
    new Histogram<L>({ name, help, labelNames, registers: [metricsRegistry], ...(buckets ? { buckets: [...buckets] } : {}) })
  );
}

// Two modules asking for one name with another type or other labels is a bug that would otherwise
// surface later as a scrape error or a throw on the first inc(): fail at construction instead.
function existing<M extends Counter<L> | Gauge<L> | Histogram<L>, L extends string>(name: string, type: MetricClass, labelNames: readonly L[]): M | undefined {
  const metric = metricsRegistry.getSingleMetric(name);
  if (metric === undefined) return undefined;
  if (!(metric instanceof type)) {
    throw new Error(`metric "${name}" is already registered as another type than ${type.name}`);
  }
  const registered = (metric as unknown as { labelNames?: readonly string[] }).labelNames ?? [];
  if ([...registered].sort().join(',') !== [...labelNames].sort().join(',')) {
    throw new Error(`metric "${name}" is already registered with labels [${registered.join(', ')}], not [${labelNames.join(', ')}]`);
  }
  return metric as unknown as M;
}
