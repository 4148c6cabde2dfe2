import type { Admin } from 'kafkajs';

import type { ConsumerLag } from '../core/consumer.metrics';

/** The two admin reads the lag needs (kafkajs's Admin has them). */
export type LagAdmin = Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>;

export interface ConsumedTopic {
  readonly topic: string;
  readonly group: string;
}

/**
 * The lag of each (topic, group) this bus consumes: per partition, its end offset minus the
 * group's committed offset (a partition the group never committed counts 0: where it starts is
 * not known yet). The broker is asked at most once every `everyMs`, whatever the scrape rate: the
 * scrapes in between get the last figures, and concurrent scrapes share one read. A failed read
 * keeps the last figures.
 */
export class KafkaConsumerLag {
  private last: readonly ConsumerLag[] = [];
  private readAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<readonly ConsumerLag[]>;

  constructor(
    private readonly admin: LagAdmin,
    private readonly consumed: () => readonly ConsumedTopic[],
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Promise<readonly ConsumerLag[]> {
    if (this.now() - this.readAt < this.everyMs) return Promise.resolve(this.last);
    this.reading ??= this.fetch()
      .then(
        (lags) => (this.last = lags),
        () => this.last,
      )
      .finally(() => {
        this.readAt = this.now();
        this.reading = undefined;
      });
    return this.reading;
  }

  private async fetch(): Promise<ConsumerLag[]> {
    const lags: ConsumerLag[] = [];
    for (const { topic, group } of this.consumed()) {
      const [ends, [committed]] = await Promise.all([this.admin.fetchTopicOffsets(topic), this.admin.fetchOffsets({ groupId: group, topics: [topic] })]);
      const committedAt = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
      let lag = 0;
      for (const { partition, high } of ends) {
        const at = committedAt.get(partition) ?? -1;
        if (at >= 0) lag += Math.max(0, Number(high) - at);
      }
      lags.push({ topic, group, lag });
    }
    return lags;
  }
}
