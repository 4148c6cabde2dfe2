import { BusLogger, consoleBusLogger } from '../core/bus-logger';
import { type ConsumerLag, registerConsumerLag } from '../core/consumer.metrics';
import { BatchLimits, OutgoingMessage, RawBatchHandler, RawMessageHandler } from '../core/raw-message';
import { TransportMessageBus } from '../core/transport-message-bus.base';
import { BatchGroupQueue } from './batch-group.queue';
import { ConsumerGroupQueue } from './consumer-group.queue';

type GroupQueue = ConsumerGroupQueue | BatchGroupQueue;

export interface InMemoryMessageBusOptions {
  readonly logger?: BusLogger;
}

/**
 * The embedded bus: Kafka's delivery semantics in one process (asynchronous delivery, consumer
 * groups, order per key, retries, DLT). Like a new Kafka consumer group, a group
 * sees the messages published after it subscribed; deliveries wait for start().
 */
export class InMemoryMessageBus extends TransportMessageBus {
  private readonly groups = new Map<string, Map<string, GroupQueue>>();
  private readonly idleWaiters: (() => void)[] = [];
  private unsettled = 0;
  private started = false;
  private stopped = false;
  private readonly logger: BusLogger;

  constructor(options: InMemoryMessageBusOptions = {}) {
    super('in-memory');
    this.logger = options.logger ?? consoleBusLogger;
    registerConsumerLag(() => Promise.resolve(this.queueDepths()));
  }

  /** The messages each group has yet to take from its queue: the embedded mode's consumer lag. */
  private queueDepths(): ConsumerLag[] {
    return [...this.groups].flatMap(([topic, byGroup]) => [...byGroup].map(([group, queue]) => ({ topic, group, lag: queue.depth() })));
  }

  start(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('InMemoryMessageBus cannot start again after stop()'));
    this.started = true;
    for (const byGroup of this.groups.values()) for (const queue of byGroup.values()) queue.resume();
    return Promise.resolve();
  }

  /** Waits until every delivered message is settled (handled or dead-lettered), then closes. */
  async stop(): Promise<void> {
    if (this.started) {
      while (this.unsettled > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    this.stopped = true;
  }

  isHealthy(): Promise<boolean> {
    return Promise.resolve(this.started && !this.stopped);
  }

  protected send(message: OutgoingMessage): Promise<void> {
    if (this.stopped) return Promise.reject(new Error(`InMemoryMessageBus is stopped: cannot send to ${message.topic}`));
    const delivered = { ...message, value: cloneJson(message.value), timestamp: Date.now() };
    for (const queue of this.groups.get(message.topic)?.values() ?? []) {
      this.unsettled += 1;
      queue.enqueue(delivered);
    }
    return Promise.resolve();
  }

  protected consume(topic: string, group: string, handler: RawMessageHandler): Promise<void> {
    return this.join(
      topic,
      group,
      ConsumerGroupQueue,
      () => new ConsumerGroupQueue(topic, group, this.logger, () => this.settleOne()),
      (queue) => queue.join(handler),
    );
  }

  protected consumeBatch(topic: string, group: string, handler: RawBatchHandler, limits: BatchLimits): Promise<void> {
    return this.join(
      topic,
      group,
      BatchGroupQueue,
      () => new BatchGroupQueue(topic, group, limits, this.logger, () => this.settleOne()),
      (queue) => queue.join(handler),
    );
  }

  /** Adds a member to the group's queue (made on first use); a group is either per-message or batch. */
  private join<Q extends GroupQueue>(
    topic: string,
    group: string,
    kind: abstract new (...args: never[]) => Q,
    create: () => Q,
    add: (queue: Q) => void,
  ): Promise<void> {
    const byGroup = this.groups.get(topic) ?? new Map<string, GroupQueue>();
    this.groups.set(topic, byGroup);
    const existing = byGroup.get(group);
    if (existing && !(existing instanceof kind)) {
      return Promise.reject(new Error(`group ${group} on ${topic} already consumes ${existing instanceof BatchGroupQueue ? 'in batches' : 'per message'}`));
    }
    const queue = existing ?? create();
    byGroup.set(group, queue);
    add(queue);
    if (this.started) queue.resume();
    return Promise.resolve();
  }

  private settleOne(): void {
    this.unsettled -= 1;
    if (this.unsettled === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
  }
}

/** A consumer gets its own copy, as over the wire: neither side can mutate the other's object. */
function cloneJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
