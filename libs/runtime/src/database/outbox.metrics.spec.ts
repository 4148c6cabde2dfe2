import { metricsRegistry } from '@payments/observability';

import { OutboxMetrics } from './outbox.metrics';

describe(OutboxMetrics.name, () => {
  beforeEach(() => metricsRegistry.resetMetrics());

  it("reports the service's backlog and the age of its oldest unpublished row", async () => {
    await new OutboxMetrics('authorization').report({ pending: () => Promise.resolve({ count: 4, oldestAgeSeconds: 312.5 }) });
    const text = await metricsRegistry.metrics();

    expect(text).toMatch(/^outbox_backlog\{service="authorization"\} 4$/m);
    expect(text).toMatch(/^outbox_oldest_age_seconds\{service="authorization"\} 312.5$/m);
  });

  it('keeps the last figures when the database cannot be read', async () => {
    const metrics = new OutboxMetrics('settlement');
    await metrics.report({ pending: () => Promise.resolve({ count: 1, oldestAgeSeconds: 2 }) });
    await expect(metrics.report({ pending: () => Promise.reject(new Error('connection refused')) })).rejects.toThrow('connection refused');

    expect(await metricsRegistry.metrics()).toMatch(/^outbox_oldest_age_seconds\{service="settlement"\} 2$/m);
  });
});
