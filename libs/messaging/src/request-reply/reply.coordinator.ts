import { parseMessage, RequestContract } from '@payments/contracts';

import { DeliveryPolicy } from '../core/backoff.util';
import { BusLogger } from '../core/bus-logger';
import { DeadLetterSender, deliver } from '../core/message-delivery.util';
import { RawMessage } from '../core/raw-message';
import { Headers, LateReplyHandler, RemoteHandlerError, RequestTimeoutError } from '../message-bus.port';
import { RecentIds } from './recent-ids';
import { ReplyHeaders } from './reply-headers';

interface Pending {
  readonly settle: (reply: RawMessage) => void;
  readonly fail: (error: Error) => void;
  readonly timeoutError: () => Error;
  readonly timer: NodeJS.Timeout;
}

type LateDispatch = (reply: RawMessage) => Promise<void>;

/**
 * Matches replies to waiting requests by correlation id. A reply after the deadline goes to the
 * contract's onLateReply handler (validated, retried, then dead-lettered like any message) or
 * is logged; a second copy of an already handled reply is ignored.
 */
export class ReplyCoordinator {
  private readonly pending = new Map<string, Pending>();
  private readonly expired = new RecentIds();
  private readonly settled = new RecentIds();
  private readonly lateHandlers = new Map<string, LateDispatch>();

  constructor(
    private readonly instanceId: string,
    private readonly logger: BusLogger,
    private readonly deadLetter: DeadLetterSender,
    private readonly system: string,
  ) {}

  waitFor<Q, R>(contract: RequestContract<Q, R>, correlationId: string, timeoutMs: number): Promise<R> {
    if (this.pending.has(correlationId)) throw new Error(`a request with correlation id ${correlationId} is already waiting`);
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => this.timeOut(correlationId), timeoutMs);
      const settle = (reply: RawMessage): void => {
        const error = reply.headers[Headers.error];
        if (error !== undefined) return reject(new RemoteHandlerError(contract.name, error));
        try {
          resolve(parseMessage(`${contract.name} reply`, contract.reply, reply.value));
        } catch (violation) {
          reject(violation instanceof Error ? violation : new Error(String(violation)));
        }
      };
      const timeoutError = (): Error => new RequestTimeoutError(contract.name, correlationId, timeoutMs);
      this.pending.set(correlationId, { settle, fail: reject, timeoutError, timer });
    });
  }

  /** The request could not be sent: forget it without treating its absence as a timeout. */
  cancel(correlationId: string): void {
    const entry = this.pending.get(correlationId);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(correlationId);
  }

  onLateReply<Q, R>(contract: RequestContract<Q, R>, handler: LateReplyHandler<R>, policy: DeliveryPolicy): void {
    const replyContract = { name: contract.name, schema: contract.reply };
    this.lateHandlers.set(contract.name, (reply) => deliver(reply, { ...replyContract, name: reply.topic }, handler, policy, this.deadLetter, this.system));
  }

  async accept(reply: RawMessage): Promise<void> {
    const correlationId = reply.headers[Headers.correlationId];
    if (!correlationId) {
      this.logger.warn('reply without correlation-id ignored', { topic: reply.topic, messageId: reply.headers[Headers.messageId] });
      return;
    }
    const waiting = this.pending.get(correlationId);
    if (waiting) {
      this.cancel(correlationId);
      this.settled.add(correlationId);
      waiting.settle(reply);
      return;
    }
    if (this.settled.has(correlationId)) return; // a redelivered copy of a reply already handled
    const target = reply.headers[ReplyHeaders.replyInstance];
    if (target !== undefined && target !== this.instanceId && !this.expired.has(correlationId)) return; // a sibling's reply
    this.expired.delete(correlationId);
    this.settled.add(correlationId);
    await this.dispatchLate(reply, correlationId);
  }

  /** On stop: nobody will read replies any more, so waiting requests fail now. */
  abandonAll(reason: string): void {
    for (const [correlationId, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.fail(new Error(`${reason} (correlation id ${correlationId})`));
    }
    this.pending.clear();
  }

  private timeOut(correlationId: string): void {
    const entry = this.pending.get(correlationId);
    if (!entry) return;
    this.pending.delete(correlationId);
    this.expired.add(correlationId);
    entry.fail(entry.timeoutError());
  }

  private async dispatchLate(reply: RawMessage, correlationId: string): Promise<void> {
    const requestTopic = reply.headers[ReplyHeaders.requestTopic] ?? '(unknown)';
    const context = { requestTopic, correlationId, replyTopic: reply.topic };
    const remoteError = reply.headers[Headers.error];
    if (remoteError !== undefined) {
      this.logger.warn('late error reply: the responder failed after the requester gave up', { ...context, error: remoteError });
      return;
    }
    const handler = this.lateHandlers.get(requestTopic);
    if (!handler) {
      this.logger.warn('late reply and no onLateReply handler for its request topic', context);
      return;
    }
    await handler(reply);
  }
}
