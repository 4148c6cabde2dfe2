import { Consumer, KafkaMessage } from 'kafkajs';

import { sleep } from '../core/backoff.util';
import { BatchLimits, KeepAlive } from '../core/raw-message';
import { startGroupConsumer } from './kafka-group.consumer';
import { PartitionBatchCoalescer } from './partition-batch.coalescer';

/**
 * Runs one kafkajs consumer for one topic in batches (`eachBatch`): each fetched partition batch
 * is cut into pieces of at most `maxBatchSize`, and the pieces of one fetch's partitions are
 * joined into one `handle` call (PartitionBatchCoalescer); a piece's offsets are resolved only
 * once that call settled it (handled or dead-lettered), and kafkajs commits the resolved offsets
 * after the batch. A crash before that commit delivers the pieces again, so the handler must be idempotent.
 * The group hears a heartbeat after each piece and whenever `handle` asks for one (retries). After
 * a batch shorter than the cap the partition waits `lingerMs` before its next fetch, so the next
 * batch gathers what arrived meanwhile; an idle consumer's long poll is unchanged.
 * Partitions of the group that never committed start at `startAt`, as in runGroupConsumer.
 */
export function runBatchGroupConsumer(
  consumer: Consumer,
  topic: string,
  startAt: Map<number, string>,
  concurrency: number,
  limits: BatchLimits,
  handle: (messages: KafkaMessage[], keepAlive: KeepAlive) => Promise<void>,
): Promise<void> {
  const coalescer = new PartitionBatchCoalescer(limits.maxBatchSize, handle);
  return startGroupConsumer(consumer, topic, startAt, {
    partitionsConsumedConcurrently: concurrency,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { messages } = payload.batch;
      const keepAlive = () => payload.heartbeat();
      for (let from = 0; from < messages.length; from += limits.maxBatchSize) {
        // After a rebalance or stop(), what is left goes to the partition's next owner.
        if (!payload.isRunning() || payload.isStale()) return;
        const piece = messages.slice(from, from + limits.maxBatchSize);
        await coalescer.add(piece, keepAlive);
        payload.resolveOffset(piece[piece.length - 1].offset);
        await keepAlive();
      }
      const short = messages.length > 0 && messages.length < limits.maxBatchSize;
      if (short && limits.lingerMs > 0 && payload.isRunning()) await sleep(limits.lingerMs);
    },
  });
}
