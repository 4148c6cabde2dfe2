import { TopicContract } from '@payments/contracts';

import { BatchMessageHandler, Envelope, Headers } from '../message-bus.port';
import { DeliveryPolicy } from './backoff.util';
import { countConsumed } from './consumer.metrics';
import { attemptWithBackoff, DeadLetterSender, deliver, parseRawMessage } from './message-delivery.util';
import { KeepAlive, RawMessage } from './raw-message';
import { runInBatchSpan } from './trace-context.util';

interface Valid<T> {
  readonly message: RawMessage;
  readonly envelope: Envelope<T>;
}

/**
 * One batch for one consumer group. Messages that fail their schema go to the DLT at once and are
 * left out. The handler gets the rest together, retried with exponential backoff up to maxAttempts;
 * if it still fails, each message is delivered alone (a batch of one, with its own attempts), so
 * the poison message is dead-lettered as the per-message path does and the others are handled.
 * Resolves once every message is settled; rejects only if a DLT send fails, so the transport
 * redelivers the batch instead of losing it.
 */
export function deliverBatch<T>(
  messages: readonly RawMessage[],
  contract: TopicContract<T>,
  handler: BatchMessageHandler<T>,
  policy: DeliveryPolicy,
  deadLetter: DeadLetterSender,
  system: string,
  keepAlive: KeepAlive,
): Promise<void> {
  if (messages.length === 0) return Promise.resolve();
  const attributes = {
    'messaging.system': system,
    'messaging.operation.type': 'process',
    'messaging.destination.name': contract.name,
    'messaging.consumer.group.name': policy.group,
    'messaging.batch.message_count': messages.length,
  };
  return runInBatchSpan(
    contract.name,
    messages.map((m) => m.headers),
    attributes,
    async (span) => {
      const valid: Valid<T>[] = [];
      for (const message of messages) {
        const parsed = parseRawMessage(message, contract);
        if ('envelope' in parsed) valid.push({ message, envelope: parsed.envelope });
        else {
          span.addEvent('message failed its schema', { 'messaging.message.id': message.headers[Headers.messageId] ?? '' });
          await deadLetter(message, parsed.error, 1, policy.group);
        }
      }
      if (valid.length === 0) return;
      let split = false;
      const giveUp =
        valid.length === 1
          ? (error: unknown, attempt: number) => deadLetter(valid[0].message, error, attempt, policy.group)
          : () => Promise.resolve(void (split = true));
      await attemptWithBackoff(
        valid.map((v) => v.envelope),
        handler,
        policy,
        { topic: contract.name, count: valid.length },
        span,
        giveUp,
        keepAlive,
      );
      if (!split) return;
      countConsumed(contract.name, policy.group, 'retried', valid.length);
      span.addEvent('batch gave up: delivering its messages one by one', { 'messaging.batch.message_count': valid.length });
      for (const { message } of valid) {
        await deliver(message, contract, (envelope) => handler([envelope]), policy, deadLetter, system);
        await keepAlive();
      }
    },
  );
}
