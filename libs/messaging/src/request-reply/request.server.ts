import { parseMessage, RequestContract } from '@payments/contracts';

import { DeliveryPolicy } from '../core/backoff.util';
import { DeadLetterSender, errorText, toEnvelope } from '../core/message-delivery.util';
import { newMessageId } from '../core/message-id.util';
import { OutgoingMessage, RawMessage } from '../core/raw-message';
import { runInConsumerSpan, withTraceContext } from '../core/trace-context.util';
import { Headers, MessageHeaders, RequestHandler } from '../message-bus.port';
import { ReplyHeaders } from './reply-headers';

/**
 * The responder's side: validate the request, run the handler once, reply to `reply-to` with the
 * result (validated against the reply schema) or with an `error` header. No retries: the
 * requester holds a deadline and decides itself whether to ask again.
 */
export class RequestServer {
  constructor(
    private readonly send: (message: OutgoingMessage) => Promise<void>,
    private readonly deadLetter: DeadLetterSender,
    private readonly system: string,
  ) {}

  answer<Q, R>(message: RawMessage, contract: RequestContract<Q, R>, handler: RequestHandler<Q, R>, policy: DeliveryPolicy): Promise<void> {
    const attributes = {
      'messaging.system': this.system,
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.topic,
      'messaging.consumer.group.name': policy.group,
      'messaging.message.id': message.headers[Headers.messageId] ?? '',
    };
    return runInConsumerSpan(message.topic, message.headers, attributes, async () => {
      const replyTo = message.headers[Headers.replyTo];
      const correlationId = message.headers[Headers.correlationId];
      if (!replyTo || !correlationId) {
        await this.deadLetter(message, new Error('request without reply-to or correlation-id header'), 1, policy.group);
        return;
      }
      let request: Q;
      try {
        if (message.malformed !== undefined) throw new Error(message.malformed);
        request = parseMessage(contract.name, contract.request, message.value);
      } catch (violation) {
        await this.deadLetter(message, violation, 1, policy.group);
        await this.reply(message, contract.name, replyTo, null, errorText(violation));
        return;
      }
      let result: R;
      try {
        result = parseMessage(`${contract.name} reply`, contract.reply, await handler(toEnvelope(message, request)));
      } catch (error) {
        await this.reply(message, contract.name, replyTo, null, errorText(error));
        return;
      }
      await this.reply(message, contract.name, replyTo, result);
    });
  }

  private reply(request: RawMessage, requestTopic: string, replyTo: string, value: unknown, error?: string): Promise<void> {
    const headers: Record<string, string> = {
      [Headers.correlationId]: request.headers[Headers.correlationId] ?? '',
      [ReplyHeaders.requestTopic]: requestTopic,
      [Headers.messageId]: newMessageId(),
    };
    copy(request.headers, headers, [ReplyHeaders.replyInstance, Headers.deadline, Headers.idempotencyKey]);
    if (error !== undefined) headers[Headers.error] = error;
    return this.send({ topic: replyTo, key: request.key, value, headers: withTraceContext(headers) });
  }
}

function copy(from: MessageHeaders, to: Record<string, string>, names: string[]): void {
  for (const name of names) {
    const value = from[name];
    if (value !== undefined) to[name] = value;
  }
}
