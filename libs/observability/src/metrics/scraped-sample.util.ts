import { metricsRegistry } from './metrics.registry';

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The value of the first sample of `name` (a histogram's `_count`, `_bucket`... included) whose
 * labels include `labels`, as Prometheus would scrape it from /metrics; undefined when there is
 * none. For tests that assert the series a user would query.
 */
export async function scrapedSample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  for (const line of (await metricsRegistry.metrics()).split('\n')) {
    const sample = SAMPLE.exec(line);
    if (!sample || sample[1] !== name) continue;
    const found = Object.fromEntries([...(sample[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(sample[3]);
  }
  return undefined;
}
