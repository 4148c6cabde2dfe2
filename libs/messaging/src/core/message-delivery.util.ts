import { Span } from '@opentelemetry/api';

import { parseMessage, TopicContract } from '@payments/contracts';

import { Envelope, Headers, MessageHandler } from '../message-bus.port';
import { backoffDelay, DeliveryPolicy, sleep } from './backoff.util';
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
    let envelope: Envelope<T>;
    try {
      if (message.malformed !== undefined) throw new Error(message.malformed);
      envelope = toEnvelope(message, parseMessage(message.topic, contract.schema, message.value));
    } catch (error) {
      markFailed(span, error);
      await deadLetter(message, error, 1, policy.group);
      return;
    }
    await attemptWithBackoff(envelope, handler, policy, span, (error, attempt) => deadLetter(message, error, attempt, policy.group));
  });
}

async function attemptWithBackoff<T>(
  envelope: Envelope<T>,
  handler: MessageHandler<T>,
  policy: DeliveryPolicy,
  span: Span,
  giveUp: (error: unknown, attempt: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await handler(envelope);
      return;
    } catch (error) {
      span.addEvent('handler failed', { attempt, error: errorText(error) });
      if (attempt >= policy.maxAttempts) {
        markFailed(span, error);
        await giveUp(error, attempt);
        return;
      }
      await sleep(backoffDelay(policy, attempt));
    }
  }
}
