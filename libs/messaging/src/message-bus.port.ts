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

/** Handles the messages of one batch together (for instance, with one statement and one commit). */
export type BatchMessageHandler<T> = (messages: readonly Envelope<T>[]) => Promise<void>;

/**
 * A batch subscription. Its messages are acknowledged (committed on Kafka) only once the handler
 * has settled the whole batch, so the handler must be all-or-nothing or idempotent (an inbox):
 * after a crash a batch is delivered again. A message that fails its schema is dead-lettered and
 * left out of the batch. When the handler throws, the batch is retried with backoff up to
 * `maxAttempts`; if it still fails, its messages are handled one by one (each a batch of one,
 * with its own attempts), so only the poison message goes to `<topic>.DLT`. Order per key holds.
 */
export interface BatchSubscribeOptions extends SubscribeOptions {
  /** The most messages one handler call gets. Default 200. */
  readonly maxBatchSize?: number;
  /**
   * After a batch smaller than `maxBatchSize`, wait this long before taking the next one, so the
   * next batch gathers what arrived meanwhile: fewer, larger batches for up to this much extra
   * latency. An idle consumer does not poll more often for it. Default 0.
   */
  readonly lingerMs?: number;
}

/**
 * The messaging port. Implementations: Kafka (distributed) and in-memory (embedded). Both pass
 * the same contract suite. Values are validated against the contract's schema on produce and on
 * consume; a message that fails on consume goes straight to the DLT (it can never succeed).
 */
export interface MessageBus {
  publish<T>(topic: TopicContract<T>, value: T, options: PublishOptions): Promise<void>;
  subscribe<T>(topic: TopicContract<T>, handler: MessageHandler<T>, options: SubscribeOptions): Promise<void>;
  /** Like subscribe(), but the handler gets the messages in batches (see {@link BatchSubscribeOptions}). */
  subscribeBatch<T>(topic: TopicContract<T>, handler: BatchMessageHandler<T>, options: BatchSubscribeOptions): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  isHealthy(): Promise<boolean>;
}
