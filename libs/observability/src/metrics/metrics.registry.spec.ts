import { getOrCreateCollectedGauge, getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram, metricsRegistry } from './metrics.registry';
import { scrapedSample } from './scraped-sample.util';

describe('metricsRegistry', () => {
  it('returns the metric already registered under a name instead of registering it twice', async () => {
    const first = getOrCreateCounter('spec_messages_handled_total', 'Messages handled.', ['topic', 'outcome']);
    const second = getOrCreateCounter('spec_messages_handled_total', 'Messages handled.', ['outcome', 'topic']);
    first.inc({ topic: 'payments.transaction.authorized.v1', outcome: 'ok' });
    second.inc({ topic: 'payments.transaction.authorized.v1', outcome: 'ok' });

    expect(second).toBe(first);
    expect(await metricsRegistry.getSingleMetricAsString('spec_messages_handled_total')).toContain(
      'spec_messages_handled_total{topic="payments.transaction.authorized.v1",outcome="ok"} 2',
    );
  });

  it('creates gauges and histograms with the given buckets', async () => {
    getOrCreateGauge('spec_outbox_backlog', 'Outbox rows not yet published.').set(7);
    getOrCreateHistogram('spec_handler_seconds', 'Handler duration.', ['topic'], [0.1, 1]).observe({ topic: 't' }, 0.5);

    expect(await metricsRegistry.getSingleMetricAsString('spec_outbox_backlog')).toMatch(/^spec_outbox_backlog(\{[^}]*\})? 7$/m);
    const histogram = await metricsRegistry.getSingleMetricAsString('spec_handler_seconds');
    expect(histogram).toMatch(/spec_handler_seconds_bucket\{le="0.1",topic="t"[^}]*\} 0/);
    expect(histogram).toMatch(/spec_handler_seconds_bucket\{le="1",topic="t"[^}]*\} 1/);
  });

  it('reads a collected gauge at each scrape, from the newest collector registered under its name', async () => {
    let open = 3;
    getOrCreateCollectedGauge('spec_breaks_open', 'Open breaks.', ['kind'], (gauge) => {
      gauge.reset();
      if (open > 0) gauge.set({ kind: 'fee_difference' }, open);
      return Promise.resolve();
    });
    expect(await metricsRegistry.getSingleMetricAsString('spec_breaks_open')).toMatch(/^spec_breaks_open\{kind="fee_difference"[^}]*\} 3$/m);
    open = 0;
    expect(await metricsRegistry.getSingleMetricAsString('spec_breaks_open')).not.toContain('fee_difference');
    getOrCreateCollectedGauge('spec_breaks_open', 'Open breaks.', ['kind'], (gauge) => Promise.resolve(gauge.set({ kind: 'missing_ours' }, 1)));
    expect(await metricsRegistry.getSingleMetricAsString('spec_breaks_open')).toMatch(/^spec_breaks_open\{kind="missing_ours"[^}]*\} 1$/m);
  });

  it('rejects a name already used with another type or other labels, naming the metric', () => {
    getOrCreateGauge('spec_host_link_up', 'Link state.', ['acquirer']);
    expect(() => getOrCreateCounter('spec_host_link_up', 'Link state.', ['acquirer'])).toThrow(/"spec_host_link_up".*Counter/);
    expect(() => getOrCreateGauge('spec_host_link_up', 'Link state.', ['host'])).toThrow(/"spec_host_link_up".*\[acquirer\], not \[host\]/);
  });

  it('collects the default Node.js metrics without a prefix', async () => {
    expect(await metricsRegistry.metrics()).toMatch(/^nodejs_eventloop_lag_seconds/m);
  });
});

describe('scrapedSample', () => {
  it('reads the value of a series from the exposition text by name and a subset of its labels', async () => {
    getOrCreateCounter('spec_scraped_total', 'Scraped.', ['topic', 'outcome']).inc({ topic: 'a.b.v1', outcome: 'ok' }, 3);
    getOrCreateHistogram('spec_scraped_seconds', 'Scraped.', ['topic'], [1]).observe({ topic: 'a.b.v1' }, 0.5);

    expect(await scrapedSample('spec_scraped_total', { outcome: 'ok' })).toBe(3);
    expect(await scrapedSample('spec_scraped_total', { outcome: 'retried' })).toBeUndefined();
    expect(await scrapedSample('spec_scraped_seconds_count', { topic: 'a.b.v1' })).toBe(1);
    expect(await scrapedSample('spec_scraped_seconds_bucket', { topic: 'a.b.v1', le: '1' })).toBe(1);
  });
});
