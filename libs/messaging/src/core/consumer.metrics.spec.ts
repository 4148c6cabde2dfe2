import { z } from 'zod';

import { defineEvent } from '@payments/contracts';
import { metricsRegistry, scrapedSample as valueOf } from '@payments/observability';

import { InMemoryMessageBus } from '../in-memory/in-memory-message-bus';
import { waitFor } from '../testing/wait-for.util';

const topic = defineEvent('test.metrics.card.v1', z.object({ n: z.number() }));
const silent = { warn: () => undefined, error: () => undefined };

describe('consumer metrics', () => {
  let bus: InMemoryMessageBus;

  beforeEach(() => {
    metricsRegistry.resetMetrics();
    bus = new InMemoryMessageBus({ logger: silent });
  });
  afterEach(() => bus.stop());

  it('shows a subscribed group at 0 before its first message, so its first dead letter is an increase an alert sees', async () => {
    const series = { topic: topic.name, group: 'settlement' };
    expect(await valueOf('messaging_dead_letters_total', series)).toBeUndefined();
    await bus.subscribe(topic, () => Promise.resolve(), { group: 'settlement' });
    await bus.subscribeBatch(topic, () => Promise.resolve(), { group: 'ledger-batch' });
    expect(await valueOf('messaging_dead_letters_total', series)).toBe(0);
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'dead_lettered' })).toBe(0);
    expect(await valueOf('messaging_dead_letters_total', { topic: topic.name, group: 'ledger-batch' })).toBe(0);
  });

  it('counts messages handled, retried and dead-lettered by topic and group, times each handler call, and counts dead letters', async () => {
    const failures = new Map<number, number>();
    const settled: number[] = [];
    // n=1 succeeds at once, n=2 after one failure, n=3 never (3 attempts, then the DLT).
    await bus.subscribe(
      topic,
      (m) => {
        const failed = failures.get(m.value.n) ?? 0;
        if (m.value.n === 3 || (m.value.n === 2 && failed === 0)) {
          failures.set(m.value.n, failed + 1);
          if (failed + 1 === 3) settled.push(m.value.n);
          return Promise.reject(new Error('ledger busy'));
        }
        settled.push(m.value.n);
        return Promise.resolve();
      },
      { group: 'ledger', backoffMs: 1 },
    );
    await bus.start();
    for (const n of [1, 2, 3]) await bus.publish(topic, { n }, { key: `k${n}` });
    await waitFor('all settled', () => settled.length === 3);
    await bus.stop();

    const series = { topic: topic.name, group: 'ledger' };
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'ok' })).toBe(2);
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'retried' })).toBe(3);
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'dead_lettered' })).toBe(1);
    expect(await valueOf('messaging_dead_letters_total', series)).toBe(1);
    expect(await valueOf('messaging_consumer_handler_duration_seconds_count', series)).toBe(6);
  });

  it('counts a batch by its messages, and a batch split after its last attempt as retried', async () => {
    const handled: number[] = [];
    await bus.subscribeBatch(
      topic,
      (messages) => {
        if (messages.length > 1 && messages.some((m) => m.value.n === 3)) return Promise.reject(new Error('one poison row'));
        if (messages[0].value.n === 3) return Promise.reject(new Error('poison'));
        handled.push(...messages.map((m) => m.value.n));
        return Promise.resolve();
      },
      { group: 'batcher', maxAttempts: 1, maxBatchSize: 10 },
    );
    for (const n of [1, 2, 3]) await bus.publish(topic, { n }, { key: 'same' });
    await bus.start();
    await bus.stop();

    const series = { topic: topic.name, group: 'batcher' };
    expect(handled).toEqual([1, 2]);
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'retried' })).toBe(3);
    expect(await valueOf('messaging_consumer_messages_total', { ...series, outcome: 'ok' })).toBe(2);
    expect(await valueOf('messaging_dead_letters_total', series)).toBe(1);
  });

  it('reports the queued messages of each group as its consumer lag in the embedded bus', async () => {
    await bus.subscribe(topic, () => Promise.resolve(), { group: 'settlement' });
    for (const n of [1, 2, 3]) await bus.publish(topic, { n }, { key: `k${n}` });

    expect(await valueOf('messaging_consumer_lag', { topic: topic.name, group: 'settlement' })).toBe(3);
    await bus.start();
    await bus.stop();
    expect(await valueOf('messaging_consumer_lag', { topic: topic.name, group: 'settlement' })).toBe(0);
  });
});
