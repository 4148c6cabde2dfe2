import { Admin } from 'kafkajs';

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
  async uncommittedEnds(group: string, topic: string): Promise<Map<number, string>> {
    const [committed] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    const open = new Set(committed.partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
    const ends = new Map<number, string>();
    if (open.size === 0) return ends;
    for (const partition of await this.admin.fetchTopicOffsets(topic)) {
      if (open.has(partition.partition)) ends.set(partition.partition, partition.high);
    }
    return ends;
  }

  private async create(topics: string[]): Promise<void> {
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({ topic, numPartitions: this.layout.partitions, replicationFactor: this.layout.replicationFactor })),
      });
    } catch (error) {
      // Managed clusters often deny CreateTopics: the operators made the topics, so go on.
      this.logger.warn('could not create topics; assuming they exist', { topics, error: String(error) });
      topics.forEach((topic) => this.ensured.delete(topic)); // try again next time
    }
  }
}
