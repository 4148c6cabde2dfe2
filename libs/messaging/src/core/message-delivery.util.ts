import { Span } from '@opentelemetry/api';

import { parseMessage, TopicContract } from '@payments/contracts';

import { Envelope, Headers, MessageHandler } from '../message-bus.port';
import { backoffDelay, DeliveryPolicy, sleep } from './backoff.util';
import { countConsumed, timeHandler } from './consumer.metrics';
import { RawMessage } from './raw-message';
import { markFailed, runInConsumerSpan } from './trace-context.util';

/** Sends a message that cannot be processed to `<topic>.DLT` with `error` and `attempt` headers. */
export type DeadLetterSender = (message: RawMessage, error: unknown, attempt: number, group: string) => Promise<void>;

export function toEnvelope<T>(message: RawMessage, value: T): Envelope<T> {
  return {
    id: message.headers[Headers.messageId] ?? '',
    topic: message.topic,
    key: message.key,
    value,
    headers: message.headers,
    timestamp: message.timestamp,
  };
}

/** Validates a message against its topic's schema: its envelope, or why it can never be handled. */
export function parseRawMessage<T>(message: RawMessage, contract: TopicContract<T>): { envelope: Envelope<T> } | { error: unknown } {
  try {
    if (message.malformed !== undefined) throw new Error(message.malformed);
    return { envelope: toEnvelope(message, parseMessage(message.topic, contract.schema, message.value)) };
  } catch (error) {
    return { error };
  }
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}...` : text;
}

/**
 * One delivery to one consumer group: validate, run the handler with exponential backoff up to
 * maxAttempts, then dead-letter. A message that fails its schema can never succeed, so it goes
 * to the DLT at once. Resolves once the message is settled; rejects only if the DLT send fails,
 * so the transport redelivers instead of losing it.
 */
export function deliver<T>(
  message: RawMessage,
  contract: TopicContract<T>,
  handler: MessageHandler<T>,
  policy: DeliveryPolicy,
  deadLetter: DeadLetterSender,
  system: string,
): Promise<void> {
  const attributes = {
    'messaging.system': system,
    'messaging.operation.type': 'process',
    'messaging.destination.name': message.topic,
    'messaging.consumer.group.name': policy.group,
    'messaging.message.id': message.headers[Headers.messageId] ?? '',
  };
  return runInConsumerSpan(message.topic, message.headers, attributes, async (span) => {
    const parsed = parseRawMessage(message, contract);
    if ('error' in parsed) {
      markFailed(span, parsed.error);
      await deadLetter(message, parsed.error, 1, policy.group);
      return;
    }
    await attemptWithBackoff(parsed.envelope, handler, policy, { topic: message.topic, count: 1 }, span, (error, attempt) =>
      deadLetter(message, error, attempt, policy.group),
    );
  });
}

/** The messages one handler call settles, for the consumer metrics. */
export interface HandledMessages {
  readonly topic: string;
  readonly count: number;
}

/**
 * Runs handler(input) up to maxAttempts times with exponential backoff; `giveUp` settles the last
 * failure (and counts it: a dead letter is counted where it is sent). Each call is timed, a success
 * counted `ok`, a failure followed by another attempt `retried`.
 */
export async function attemptWithBackoff<I>(
  input: I,
  handler: (input: I) => Promise<void>,
  policy: DeliveryPolicy,
  messages: HandledMessages,
  span: Span,
  giveUp: (error: unknown, attempt: number) => Promise<void>,
  beforeRetry: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const timed = timeHandler(messages.topic, policy.group);
    try {
      await handler(input);
      timed();
      countConsumed(messages.topic, policy.group, 'ok', messages.count);
      return;
    } catch (error) {
      timed();
      span.addEvent('handler failed', { attempt, error: errorText(error) });
      if (attempt >= policy.maxAttempts) {
        markFailed(span, error);
        await giveUp(error, attempt);
        return;
      }
      countConsumed(messages.topic, policy.group, 'retried', messages.count);
      await sleep(backoffDelay(policy, attempt));
      await beforeRetry();
    }
  }
}
