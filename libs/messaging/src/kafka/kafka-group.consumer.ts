import { Consumer, ConsumerRunConfig, KafkaMessage } from 'kafkajs';

/**
 * Runs one kafkajs consumer for one topic. On its first join, partitions the group never
 * committed are sought to `startAt` (their end when subscribe() was called): kafkajs applies a
 * seek before it resolves offsets, so nothing published after subscribe() can be skipped.
 * Partitions are consumed concurrently, so a message in retry holds back only its partition.
 * Resolves once the consumer is connected, subscribed and running.
 */
export function runGroupConsumer(
  consumer: Consumer,
  topic: string,
  startAt: Map<number, string>,
  concurrency: number,
  handle: (message: KafkaMessage) => Promise<void>,
): Promise<void> {
  return startGroupConsumer(consumer, topic, startAt, {
    partitionsConsumedConcurrently: concurrency,
    // The message is committed only after its handler settled it (handled or dead-lettered).
    eachMessage: ({ message }) => handle(message),
  });
}

/** Connects, subscribes and runs `consumer` on `topic`, seeking uncommitted partitions to `startAt` on its first join. */
export async function startGroupConsumer(consumer: Consumer, topic: string, startAt: Map<number, string>, run: ConsumerRunConfig): Promise<void> {
  const removeListener = consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const partition of payload.memberAssignment[topic] ?? []) {
      const offset = startAt.get(partition);
      if (offset !== undefined) consumer.seek({ topic, partition, offset });
    }
    startAt.clear();
    removeListener();
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: false });
  await consumer.run(run);
}
