import { TopicContract } from '@payments/contracts';

/** Message headers. Well-known ones are in {@link Headers}. Values are strings, as on Kafka. */
export type MessageHeaders = Record<string, string>;

export const Headers = {
  messageId: 'message-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  correlationId: 'correlation-id',
  idempotencyKey: 'idempotency-key',
  attempt: 'attempt',
  error: 'error',
} as const;

/** A message as a consumer receives it: validated against its topic's schema. */
export interface Envelope<T> {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly value: T;
  readonly headers: MessageHeaders;
  readonly timestamp: number;
}

export interface PublishOptions {
  /** Aggregate id (terminal, account, payment): order holds per key. */
  readonly key: string;
  readonly headers?: MessageHeaders;
  /** Stable id for deduplication by consumers' inboxes; generated when absent. */
  readonly id?: string;
}

export type MessageHandler<T> = (message: Envelope<T>) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: one per handler, so each handler sees each message once. */
  readonly group: string;
  /** Attempts before the message goes to `<topic>.DLT`. Default 3. */
  readonly maxAttempts?: number;
  /** First retry delay, doubled each attempt. Default 100 ms. */
  readonly backoffMs?: number;
}

/**
 * The messaging port. Implementations: Kafka (distributed) and in-memory (embedded). Both pass
 * the same contract suite. Values are validated against the contract's schema on produce and on
 * consume; a message that fails on consume goes straight to the DLT (it can never succeed).
 */
export interface MessageBus {
  publish<T>(topic: TopicContract<T>, value: T, options: PublishOptions): Promise<void>;
  subscribe<T>(topic: TopicContract<T>, handler: MessageHandler<T>, options: SubscribeOptions): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  isHealthy(): Promise<boolean>;
}
