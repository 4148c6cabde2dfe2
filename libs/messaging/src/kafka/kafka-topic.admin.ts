import { Admin } from 'kafkajs';

import { sleep } from '../core/backoff.util';
import { BusLogger } from '../core/bus-logger';

export interface TopicLayout {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * Creates topics before anyone uses them (so partitions and replication are ours, not the
 * broker's auto-create defaults) and finds where a brand-new consumer group must start.
 */
export class KafkaTopicAdmin {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: Admin,
    private readonly layout: TopicLayout,
    private readonly logger: BusLogger,
  ) {}

  async ensure(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.ensured.has(topic));
    if (missing.length > 0) {
      const creation = this.create(missing);
      for (const topic of missing) this.ensured.set(topic, creation);
    }
    await Promise.all(topics.map((topic) => this.ensured.get(topic) ?? Promise.resolve()));
  }

  /**
   * Partitions of `topic` where `group` has no committed offset, with their current end offset.
   * A new group is started there (not at "latest" when it joins, which races with the first
   * messages, nor at the beginning, which would replay the topic's whole retention).
   */
  uncommittedEnds(group: string, topic: string): Promise<Map<number, string>> {
    return untilSettled(() => this.readUncommittedEnds(group, topic));
  }

  private async readUncommittedEnds(group: string, topic: string): Promise<Map<number, string>> {
    const [committed] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    const open = new Set(committed.partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
    const ends = new Map<number, string>();
    if (open.size === 0) return ends;
    for (const partition of await this.topicOffsets(topic)) {
      if (open.has(partition.partition)) ends.set(partition.partition, partition.high);
    }
    return ends;
  }

  /**
   * kafkajs 2.2.4 fails with a TypeError ("Cannot destructure property 'partitions' of
   * 'low.pop(...)'") when the topic's metadata has no partitions yet, as on a freshly formatted
   * broker right after the topic was made: that is transient, so it is retried like one.
   */
  private async topicOffsets(topic: string): Promise<{ partition: number; high: string }[]> {
    try {
      return await this.admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (!isMissingPartitionMetadata(error)) throw error;
      throw Object.assign(new Error(`no partition metadata yet for ${topic}`), { retriable: true });
    }
  }

  private async create(topics: string[]): Promise<void> {
    try {
      await untilSettled(() =>
        this.admin.createTopics({
          waitForLeaders: true,
          topics: topics.map((topic) => ({ topic, numPartitions: this.layout.partitions, replicationFactor: this.layout.replicationFactor })),
        }),
      );
      await untilSettled(() => this.checkPartitions(topics));
    } catch (error) {
      // Managed clusters often deny CreateTopics: the operators made the topics, so go on.
      this.logger.warn('could not create topics; assuming they exist', { topics, error: String(error) });
      topics.forEach((topic) => this.ensured.delete(topic)); // try again next time
    }
  }

  /**
   * A topic made earlier with fewer partitions than configured keeps them (growing a topic moves
   * keys to other partitions, which is the operators' call: `kafka-topics.sh --alter`), but it is
   * said, since partitions bound how many messages of a topic a group handles at once.
   */
  private async checkPartitions(topics: string[]): Promise<void> {
    const { topics: existing } = await this.admin.fetchTopicMetadata({ topics });
    const short = existing.filter((t) => t.partitions.length < this.layout.partitions);
    if (short.length === 0) return;
    this.logger.warn('topics have fewer partitions than configured; they are left as they are', {
      topics: short.map((t) => `${t.name} (${t.partitions.length})`),
      partitions: this.layout.partitions,
    });
  }
}

/**
 * Runs `action` again while the broker answers with a retriable error: a topic just created is
 * for a moment unknown to its leader ("does not host this topic-partition", "not the leader").
 */
async function untilSettled<T>(action: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      return await action();
    } catch (error) {
      if (!isRetriable(error) || Date.now() + delay > deadline) throw error;
      await sleep(delay);
    }
  }
}

function isMissingPartitionMetadata(error: unknown): boolean {
  return error instanceof TypeError && /low\.pop/.test(error.message);
}

/** kafkajs marks transient broker errors `retriable`, on the error or on the one it wraps. */
function isRetriable(error: unknown): boolean {
  const e = error as { retriable?: boolean; originalError?: { retriable?: boolean } } | undefined;
  return e?.retriable === true || e?.originalError?.retriable === true;
}
