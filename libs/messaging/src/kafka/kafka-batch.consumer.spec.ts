import { Consumer, ConsumerRunConfig, EachBatchPayload, KafkaMessage } from 'kafkajs';

import { runBatchGroupConsumer } from './kafka-batch.consumer';

const messagesAt = (...offsets: number[]): KafkaMessage[] =>
  offsets.map((offset) => ({ offset: String(offset), key: null, value: null, timestamp: '0', attributes: 0, headers: {} }));

/** A kafkajs consumer that only records what it is asked to run. */
function fakeConsumer(): { consumer: Consumer; run: () => ConsumerRunConfig } {
  let config: ConsumerRunConfig | undefined;
  const consumer = {
    events: { GROUP_JOIN: 'consumer.group_join' },
    on: () => () => undefined,
    connect: () => Promise.resolve(),
    subscribe: () => Promise.resolve(),
    run: (given: ConsumerRunConfig) => Promise.resolve(void (config = given)),
  } as unknown as Consumer;
  return { consumer, run: () => config! };
}

/** One partition's batch as kafkajs hands it to eachBatch, recording resolved offsets and heartbeats. */
function batchOf(messages: KafkaMessage[], state = { running: true, stale: false }) {
  const resolved: string[] = [];
  let heartbeats = 0;
  const payload = {
    batch: { topic: 't', partition: 0, messages },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: () => Promise.resolve(void (heartbeats += 1)),
    isRunning: () => state.running,
    isStale: () => state.stale,
  } as unknown as EachBatchPayload;
  return { payload, resolved, heartbeats: () => heartbeats };
}

describe(runBatchGroupConsumer.name, () => {
  it('runs eachBatch without auto-resolve, and resolves a piece only once its handler call settled', async () => {
    const { consumer, run } = fakeConsumer();
    const calls: string[][] = [];
    let finish: () => void = () => undefined;
    await runBatchGroupConsumer(consumer, 't', new Map(), 3, { maxBatchSize: 2, lingerMs: 0 }, (messages) => {
      calls.push(messages.map((m) => m.offset));
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect(run().eachBatchAutoResolve).toBe(false);
    const partition = batchOf(messagesAt(10, 11, 12));

    const done = run().eachBatch!(partition.payload);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['10', '11']]);
    expect(partition.resolved).toEqual([]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(partition.resolved).toEqual(['11']);
    finish();
    await done;

    expect(calls).toEqual([['10', '11'], ['12']]);
    expect(partition.resolved).toEqual(['11', '12']);
    expect(partition.heartbeats()).toBeGreaterThanOrEqual(2);
  });

  it('resolves nothing of a batch whose handler call failed, so the batch is fetched again', async () => {
    const { consumer, run } = fakeConsumer();
    await runBatchGroupConsumer(consumer, 't', new Map(), 3, { maxBatchSize: 10, lingerMs: 0 }, () =>
      Promise.reject(new Error('dead-letter topic unreachable')),
    );
    const partition = batchOf(messagesAt(10, 11));

    await expect(run().eachBatch!(partition.payload)).rejects.toThrow('dead-letter topic unreachable');

    expect(partition.resolved).toEqual([]);
  });

  it('hands nothing more over once the partition was taken away (stale) or the consumer stops', async () => {
    const { consumer, run } = fakeConsumer();
    const calls: string[][] = [];
    const state = { running: true, stale: false };
    await runBatchGroupConsumer(consumer, 't', new Map(), 3, { maxBatchSize: 1, lingerMs: 0 }, (messages) => {
      calls.push(messages.map((m) => m.offset));
      state.stale = true;
      return Promise.resolve();
    });
    const partition = batchOf(messagesAt(10, 11, 12), state);

    await run().eachBatch!(partition.payload);

    expect(calls).toEqual([['10']]);
    expect(partition.resolved).toEqual(['10']);
  });

  it('joins the batches of partitions fetched together into one handler call', async () => {
    const { consumer, run } = fakeConsumer();
    const calls: string[][] = [];
    await runBatchGroupConsumer(consumer, 't', new Map(), 3, { maxBatchSize: 10, lingerMs: 0 }, (messages) =>
      Promise.resolve(void calls.push(messages.map((m) => m.offset))),
    );
    const first = batchOf(messagesAt(1, 2));
    const second = batchOf(messagesAt(7));

    await Promise.all([run().eachBatch!(first.payload), run().eachBatch!(second.payload)]);

    expect(calls).toEqual([['1', '2', '7']]);
    expect([first.resolved, second.resolved]).toEqual([['2'], ['7']]);
  });
});
