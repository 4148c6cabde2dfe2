import { deadLetterTopicOf, parseMessage, RequestContract, TopicContract } from '@payments/contracts';

import {
  Headers,
  LateReplyHandler,
  MessageBus,
  MessageHandler,
  MessageHeaders,
  PublishOptions,
  RequestHandler,
  RequestOptions,
  SubscribeOptions,
} from '../message-bus.port';
import { ReplyCoordinator } from '../request-reply/reply.coordinator';
import { ReplyHeaders, replyTopicOf } from '../request-reply/reply-headers';
import { RequestServer } from '../request-reply/request.server';
import { deliveryPolicyOf } from './backoff.util';
import { BusLogger } from './bus-logger';
import { DEAD_LETTER_GROUP_HEADER } from './dead-letter.contract';
import { deliver, errorText } from './message-delivery.util';
import { newMessageId } from './message-id.util';
import { OutgoingMessage, RawMessage, RawMessageHandler } from './raw-message';
import { withTraceContext } from './trace-context.util';

export interface BusIdentity {
  /** Names the reply topic `<serviceName>.reply.v1`. */
  readonly serviceName: string;
  /** Tells this instance's replies from its siblings'; stable across restarts to keep late replies. */
  readonly instanceId: string;
  readonly logger: BusLogger;
}

/**
 * Everything both buses share: validation, headers and trace context, retries and dead letters,
 * request/reply. A transport only moves raw messages, so the two cannot drift apart.
 */
export abstract class TransportMessageBus implements MessageBus {
  protected readonly replyTopic: string;
  protected readonly replies: ReplyCoordinator;
  private readonly server: RequestServer;

  protected constructor(
    protected readonly identity: BusIdentity,
    protected readonly system: string,
  ) {
    this.replyTopic = replyTopicOf(identity.serviceName);
    const deadLetter = (m: RawMessage, e: unknown, a: number, g: string): Promise<void> => this.sendDeadLetter(m, e, a, g);
    this.replies = new ReplyCoordinator(identity.instanceId, identity.logger, deadLetter, system);
    this.server = new RequestServer((m) => this.send(m), deadLetter, system);
  }

  /** Puts one message on its topic; resolves once the transport has accepted it. */
  protected abstract send(message: OutgoingMessage): Promise<void>;
  /** Delivers every message of `topic` to `handler` once per consumer `group`, in order per key. */
  protected abstract consume(topic: string, group: string, handler: RawMessageHandler): Promise<void>;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract isHealthy(): Promise<boolean>;

  async publish<T>(topic: TopicContract<T>, value: T, options: PublishOptions): Promise<void> {
    const valid = parseMessage(topic.name, topic.schema, value);
    await this.send({ topic: topic.name, key: options.key, value: valid, headers: outgoingHeaders(options.headers, options.id) });
  }

  subscribe<T>(topic: TopicContract<T>, handler: MessageHandler<T>, options: SubscribeOptions): Promise<void> {
    const policy = deliveryPolicyOf(options);
    return this.consume(topic.name, policy.group, (message) =>
      deliver(message, topic, handler, policy, (m, e, a, g) => this.sendDeadLetter(m, e, a, g), this.system),
    );
  }

  async request<Q, R>(contract: RequestContract<Q, R>, value: Q, options: RequestOptions): Promise<R> {
    const valid = parseMessage(contract.name, contract.request, value);
    await this.prepareRequests();
    const correlationId = options.headers?.[Headers.correlationId] ?? newMessageId();
    const headers = outgoingHeaders({
      ...options.headers,
      [Headers.correlationId]: correlationId,
      [Headers.replyTo]: this.replyTopic,
      [Headers.deadline]: String(Date.now() + options.timeoutMs),
      [ReplyHeaders.replyInstance]: this.identity.instanceId,
    });
    const reply = this.replies.waitFor(contract, correlationId, options.timeoutMs);
    // The deadline runs while the request is being sent; a rejection before `return reply` is
    // still the caller's to see, not an unhandled rejection that would end the process.
    reply.catch(() => undefined);
    try {
      await this.send({ topic: contract.name, key: options.key, value: valid, headers });
    } catch (error) {
      this.replies.cancel(correlationId);
      throw error;
    }
    return reply;
  }

  serve<Q, R>(contract: RequestContract<Q, R>, handler: RequestHandler<Q, R>, options: SubscribeOptions): Promise<void> {
    const policy = deliveryPolicyOf(options);
    return this.consume(contract.name, policy.group, (message) => this.server.answer(message, contract, handler, policy));
  }

  onLateReply<Q, R>(contract: RequestContract<Q, R>, handler: LateReplyHandler<R>): void {
    this.replies.onLateReply(contract, handler, { group: `${this.identity.serviceName}.late-reply`, maxAttempts: 3, backoffMs: 100 });
  }

  /** Called before each request: a transport that reads replies only when asked starts doing so here. */
  protected prepareRequests(): Promise<void> {
    return Promise.resolve();
  }

  /** Starts reading this instance's reply topic; each transport calls it when it can consume. */
  protected consumeReplies(group: string): Promise<void> {
    return this.consume(this.replyTopic, group, (reply) => this.replies.accept(reply));
  }

  private sendDeadLetter(message: RawMessage, error: unknown, attempt: number, group: string): Promise<void> {
    return this.send({
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
  }
}

/** Caller's headers, the active trace context, and a `message-id` (the given id or a new uuid). */
export function outgoingHeaders(headers: MessageHeaders | undefined, id?: string): MessageHeaders {
  return { ...withTraceContext({ ...headers }), [Headers.messageId]: id ?? newMessageId() };
}
