import { deadLetterTopicOf, parseMessage, TopicContract } from '@payments/contracts';

import {
  BatchMessageHandler,
  BatchSubscribeOptions,
  Headers,
  MessageBus,
  MessageHandler,
  MessageHeaders,
  PublishOptions,
  SubscribeOptions,
} from '../message-bus.port';
import { batchPolicyOf, deliveryPolicyOf } from './backoff.util';
import { deliverBatch } from './batch-delivery.util';
import { countConsumed, registerConsumer } from './consumer.metrics';
import { DEAD_LETTER_GROUP_HEADER } from './dead-letter.contract';
import { deliver, errorText } from './message-delivery.util';
import { newMessageId } from './message-id.util';
import { BatchLimits, OutgoingMessage, RawBatchHandler, RawMessage, RawMessageHandler } from './raw-message';
import { runInProducerSpan, withTraceContext } from './trace-context.util';

/**
 * Everything both buses share: validation, headers and trace context, retries and dead letters.
 * A transport only moves raw messages, so the two cannot drift apart.
 */
export abstract class TransportMessageBus implements MessageBus {
  protected constructor(protected readonly system: string) {}

  /** Puts one message on its topic; resolves once the transport has accepted it. */
  protected abstract send(message: OutgoingMessage): Promise<void>;
  /** Delivers every message of `topic` to `handler` once per consumer `group`, in order per key. */
  protected abstract consume(topic: string, group: string, handler: RawMessageHandler): Promise<void>;
  /** As consume(), but hands over up to `limits.maxBatchSize` messages at once; acknowledges them once the batch is settled. */
  protected abstract consumeBatch(topic: string, group: string, handler: RawBatchHandler, limits: BatchLimits): Promise<void>;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract isHealthy(): Promise<boolean>;

  async publish<T>(topic: TopicContract<T>, value: T, options: PublishOptions): Promise<void> {
    const valid = parseMessage(topic.name, topic.schema, value);
    const attributes = { 'messaging.system': this.system, 'messaging.operation.type': 'send', 'messaging.destination.name': topic.name };
    // The message carries the PRODUCER span's context (outgoingHeaders runs inside it).
    await runInProducerSpan(topic.name, attributes, () =>
      this.send({ topic: topic.name, key: options.key, value: valid, headers: outgoingHeaders(options.headers, options.id) }),
    );
  }

  subscribe<T>(topic: TopicContract<T>, handler: MessageHandler<T>, options: SubscribeOptions): Promise<void> {
    const policy = deliveryPolicyOf(options);
    registerConsumer(topic.name, policy.group);
    return this.consume(topic.name, policy.group, (message) =>
      deliver(message, topic, handler, policy, (m, e, a, g) => this.sendDeadLetter(m, e, a, g), this.system),
    );
  }

  subscribeBatch<T>(topic: TopicContract<T>, handler: BatchMessageHandler<T>, options: BatchSubscribeOptions): Promise<void> {
    const policy = batchPolicyOf(options);
    registerConsumer(topic.name, policy.group);
    return this.consumeBatch(
      topic.name,
      policy.group,
      (messages, keepAlive) => deliverBatch(messages, topic, handler, policy, (m, e, a, g) => this.sendDeadLetter(m, e, a, g), this.system, keepAlive),
      policy,
    );
  }

  private async sendDeadLetter(message: RawMessage, error: unknown, attempt: number, group: string): Promise<void> {
    await this.send({
      topic: deadLetterTopicOf(message.topic),
      key: message.key,
      value: message.value,
      encoded: message.encoded,
      headers: {
        ...message.headers,
        [Headers.error]: errorText(error),
        [Headers.attempt]: String(attempt),
        [DEAD_LETTER_GROUP_HEADER]: group,
      },
    });
    countConsumed(message.topic, group, 'dead_lettered');
  }
}

/** Caller's headers, the active trace context, and a `message-id` (the given id or a new uuid). */
export function outgoingHeaders(headers: MessageHeaders | undefined, id?: string): MessageHeaders {
  return { ...withTraceContext({ ...headers }), [Headers.messageId]: id ?? newMessageId() };
}
