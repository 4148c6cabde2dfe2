import { Admin, Consumer, Kafka, Partitioners, Producer } from 'kafkajs';

import { deadLetterTopicOf } from '@payments/contracts';

import { BusLogger, consoleBusLogger } from '../core/bus-logger';
import { registerConsumerLag } from '../core/consumer.metrics';
import { BatchLimits, OutgoingMessage, RawBatchHandler, RawMessageHandler } from '../core/raw-message';
import { TransportMessageBus } from '../core/transport-message-bus.base';
import { runBatchGroupConsumer } from './kafka-batch.consumer';
import { type ConsumedTopic, KafkaConsumerLag } from './kafka-consumer-lag';
import { kafkaLogCreator } from './kafka-log.creator';
import { decodeMessage, encodeMessage } from './kafka-message.codec';
import { KafkaTopicAdmin } from './kafka-topic.admin';
import { runGroupConsumer } from './kafka-group.consumer';
import { ProduceBatcher } from './produce.batcher';
import { fixRequestQueueIdleLoop } from './request-queue.idle-fix';
import { fixRequestTimeoutIdleCheck } from './request-timeout.idle-fix';

export interface KafkaMessageBusConfig {
  readonly brokers: string[];
  readonly clientId: string;
  readonly logger?: BusLogger;
  /** Partitions of the topics this bus creates (and how many a consumer handles at once). Default 3. */
  readonly partitions?: number;
  /** Replication factor of the topics this bus creates. Default 1 (a single local broker). */
  readonly replicationFactor?: number;
  /**
   * How long the broker waits for a silent consumer before giving its partitions to the others
   * (and before a restarted instance can take them). Default 10,000 ms.
   */
  readonly sessionTimeoutMs?: number;
  /** How often messaging_consumer_lag asks the broker for offsets, however often it is scraped. Default 15,000 ms. */
  readonly lagEveryMs?: number;
}

interface Subscription {
  readonly topic: string;
  readonly group: string;
  readonly handler: RawMessageHandler;
}

interface BatchSubscription {
  readonly topic: string;
  readonly group: string;
  readonly handler: RawBatchHandler;
  readonly limits: BatchLimits;
}

/** The distributed bus over Apache Kafka (kafkajs stays behind the MessageBus port). */
export class KafkaMessageBus extends TransportMessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly batcher: ProduceBatcher;
  private readonly admin: Admin;
  private readonly topics: KafkaTopicAdmin;
  private readonly waiting: Subscription[] = [];
  private readonly waitingBatches: BatchSubscription[] = [];
  private readonly consumers: Consumer[] = [];
  private readonly consumed: ConsumedTopic[] = [];
  private state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  private producerConnected = false;

  constructor(private readonly config: KafkaMessageBusConfig) {
    const logger = config.logger ?? consoleBusLogger;
    super('kafka');
    fixRequestQueueIdleLoop();
    fixRequestTimeoutIdleCheck();
    this.kafka = new Kafka({ clientId: config.clientId, brokers: config.brokers, logCreator: kafkaLogCreator(logger) });
    // Idempotent producer: no duplicates from the client's own retries; it requires acks=all.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.batcher = new ProduceBatcher(this.producer);
    this.producer.on(this.producer.events.CONNECT, () => void (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => void (this.producerConnected = false));
    this.admin = this.kafka.admin();
    this.topics = new KafkaTopicAdmin(this.admin, { partitions: config.partitions ?? 3, replicationFactor: config.replicationFactor ?? 1 }, logger);
    const lag = new KafkaConsumerLag(this.admin, () => this.consumed, config.lagEveryMs ?? 15_000);
    registerConsumerLag(() => (this.state === 'started' ? lag.read() : Promise.resolve([])));
  }

  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`KafkaMessageBus cannot start when ${this.state}`);
    this.state = 'starting';
    await Promise.all([this.admin.connect(), this.producer.connect()]);
    this.state = 'started';
    await Promise.all(this.waiting.splice(0).map((subscription) => this.runConsumer(subscription)));
    await Promise.all(this.waitingBatches.splice(0).map((subscription) => this.runBatchConsumer(subscription)));
  }

  /** Stops consumers first (kafkajs waits for running handlers), then the producer. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await Promise.all(this.consumers.splice(0).map((consumer) => consumer.disconnect()));
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  isHealthy(): Promise<boolean> {
    return Promise.resolve(this.producerConnected);
  }

  protected async send(message: OutgoingMessage): Promise<void> {
    if (this.state !== 'started' && this.state !== 'starting') {
      throw new Error(`KafkaMessageBus is ${this.state}: cannot send to ${message.topic}`);
    }
    await this.topics.ensure([message.topic]);
    await this.batcher.send(message.topic, encodeMessage(message));
  }

  protected async consume(topic: string, group: string, handler: RawMessageHandler): Promise<void> {
    const subscription = { topic, group, handler };
    if (this.state === 'stopped') throw new Error(`KafkaMessageBus is stopped: cannot consume ${topic}`);
    if (this.state === 'started') await this.runConsumer(subscription);
    else this.waiting.push(subscription);
  }

  private async runConsumer({ topic, group, handler }: Subscription): Promise<void> {
    const { consumer, startAt } = await this.groupConsumer(topic, group);
    await runGroupConsumer(consumer, topic, startAt, this.config.partitions ?? 3, (message) => handler(decodeMessage(topic, message)));
  }

  /** A consumer of `group` on `topic` (and its dead-letter topic), and where partitions the group never committed start. */
  private async groupConsumer(topic: string, group: string): Promise<{ consumer: Consumer; startAt: Map<number, string> }> {
    await this.topics.ensure([topic, deadLetterTopicOf(topic)]);
    const startAt = await this.topics.uncommittedEnds(group, topic);
    const sessionTimeout = this.config.sessionTimeoutMs ?? 10_000;
    // A heartbeat every third of the session (Kafka's usual ratio: two can be lost before the
    // broker gives the partitions away). kafkajs sends one only between fetches, so the long poll
    // is as long: the broker answers a fetch as soon as a message arrives, so this only spaces out
    // an idle consumer's requests (one fetch and one heartbeat every 3.3 s with the default session).
    const heartbeatInterval = Math.max(Math.floor(sessionTimeout / 3), 100);
    const consumer = this.kafka.consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: heartbeatInterval,
      sessionTimeout,
      heartbeatInterval,
    });
    this.consumers.push(consumer);
    if (!this.consumed.some((c) => c.topic === topic && c.group === group)) this.consumed.push({ topic, group });
    return { consumer, startAt };
  }

  protected async consumeBatch(topic: string, group: string, handler: RawBatchHandler, limits: BatchLimits): Promise<void> {
    const subscription = { topic, group, handler, limits };
    if (this.state === 'stopped') throw new Error(`KafkaMessageBus is stopped: cannot consume ${topic}`);
    if (this.state === 'started') await this.runBatchConsumer(subscription);
    else this.waitingBatches.push(subscription);
  }

  /** A batch consumer: the per-message consumer's settings, and batches cut as kafka-batch.consumer.ts describes. */
  private async runBatchConsumer({ topic, group, handler, limits }: BatchSubscription): Promise<void> {
    const { consumer, startAt } = await this.groupConsumer(topic, group);
    await runBatchGroupConsumer(consumer, topic, startAt, this.config.partitions ?? 3, limits, (messages, keepAlive) =>
      handler(
        messages.map((message) => decodeMessage(topic, message)),
        keepAlive,
      ),
    );
  }
}
