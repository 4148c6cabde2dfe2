import { Logger } from '@nestjs/common';

import { RpcContract, rpcPathOf } from '@payments/contracts';

import { RpcCancelledError, RpcDeadlineError, RpcError, RpcInvalidArgumentError, RpcRemoteError } from '../rpc.errors';
import { Rpc, RpcCallOptions, RpcContext, RpcHandler, RpcMetadata } from '../rpc.port';
import { CallGate } from './call.gate';
import { runInCall } from './rpc-call.scope';
import { measureRpc } from './rpc.metrics';
import { endFailed, runInServerSpan, startClientSpan } from './rpc-tracing.util';
import { schemaIssuesOf } from './schema-issues.util';

/** What a transport gets to send: a valid request, the deadlines, the caller's cancel signal. */
export interface OutboundCall {
  /** The caller's deadline, as the callee should see it. */
  readonly deadlineAt: number;
  /** When the transport itself gives up: deadlineAt plus any late-reply grace. */
  readonly transportDeadlineAt: number;
  readonly metadata: RpcMetadata;
  readonly signal: AbortSignal;
}

interface Served {
  readonly contract: RpcContract<unknown, unknown>;
  readonly handler: RpcHandler<unknown, unknown>;
  readonly gate: CallGate;
}

/**
 * What both transports share, so they cannot differ: validation on both sides, the caller's
 * deadline, cancellation, late replies and the propagation scope. A transport only moves a valid
 * request to the served handler ({@link invoke}) and hands what arrives to {@link dispatch}.
 */
export interface RpcTransportOptions {
  /** Calls of one method that run at once on the serving side; more wait their turn (default 12). */
  readonly maxConcurrentCalls?: number;
}

export abstract class RpcTransportBase implements Rpc {
  protected readonly logger = new Logger('Rpc');
  protected readonly served = new Map<string, Served>();
  /** `rpc.system` on this transport's spans. */
  protected abstract readonly system: string;

  constructor(private readonly transportOptions: RpcTransportOptions = {}) {}

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract isHealthy(): Promise<boolean>;
  protected abstract invoke(contract: RpcContract<unknown, unknown>, request: unknown, call: OutboundCall): Promise<unknown>;

  serve<Q, R>(contract: RpcContract<Q, R>, handler: RpcHandler<Q, R>): void {
    const path = rpcPathOf(contract);
    if (this.served.has(path)) throw new Error(`${path} is already served`);
    // One gate per method: a handler calling another method (authorization asking antifraud in process) never waits on its own gate.
    const gate = new CallGate(path, this.transportOptions.maxConcurrentCalls ?? 12);
    this.served.set(path, { contract, handler, gate } as Served);
  }

  call<Q, R>(contract: RpcContract<Q, R>, request: Q, options: RpcCallOptions<R>): Promise<R> {
    const path = rpcPathOf(contract);
    return measureRpc('client', path, () => this.callUnmeasured(path, contract, request, options));
  }

  private async callUnmeasured<Q, R>(path: string, contract: RpcContract<Q, R>, request: Q, options: RpcCallOptions<R>): Promise<R> {
    const parsed = contract.request.safeParse(request);
    if (!parsed.success) throw new RpcInvalidArgumentError(path, schemaIssuesOf(parsed.error));
    const budgetMs = Math.max(0, Math.round(options.deadlineAt - Date.now()));
    if (budgetMs === 0) throw new RpcDeadlineError(path, 0);
    if (options.signal?.aborted) throw new RpcCancelledError(path);
    const graceMs = options.lateReply?.graceMs ?? 0;
    const controller = new AbortController();
    const cancel = (): void => controller.abort();
    options.signal?.addEventListener('abort', cancel, { once: true });
    const { span, metadata } = startClientSpan(path, this.system, options.metadata ?? {});
    const outbound: OutboundCall = { deadlineAt: options.deadlineAt, transportDeadlineAt: options.deadlineAt + graceMs, metadata, signal: controller.signal };
    const inFlight = this.invoke(contract as RpcContract<unknown, unknown>, parsed.data, outbound)
      .then((raw) => {
        const reply = contract.reply.safeParse(raw);
        if (!reply.success) throw new RpcRemoteError(path, `its reply breaks the schema: ${schemaIssuesOf(reply.error)}`);
        return reply.data;
      })
      .catch((error: unknown) => {
        endFailed(span, error);
        throw error;
      })
      .finally(() => {
        span.end();
        options.signal?.removeEventListener('abort', cancel);
      });
    const late = options.lateReply;
    return late ? this.answerByDeadline(path, budgetMs, inFlight, late.handler) : inFlight;
  }

  /** The caller's promise settles by the deadline; a reply after it goes to the late handler. */
  private answerByDeadline<R>(path: string, budgetMs: number, inFlight: Promise<R>, onLate: (reply: R) => Promise<void>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let answered = false;
      const timer = setTimeout(() => {
        answered = true;
        reject(new RpcDeadlineError(path, budgetMs));
      }, budgetMs);
      inFlight.then(
        (reply) => {
          if (!answered) {
            answered = true;
            clearTimeout(timer);
            return resolve(reply);
          }
          onLate(reply).catch((error: unknown) => this.logger.error(`late reply of ${path} not kept: ${messageOf(error)}`));
        },
        (error: unknown) => {
          if (answered) return this.logger.warn(`no late reply of ${path}: ${messageOf(error)}`);
          answered = true;
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Runs the served handler: request checked first, reply checked after, in the propagation scope. */
  protected dispatch(path: string, request: unknown, context: RpcContext): Promise<unknown> {
    return measureRpc('server', path, () => this.dispatchUnmeasured(path, request, context));
  }

  private async dispatchUnmeasured(path: string, request: unknown, context: RpcContext): Promise<unknown> {
    const served = this.served.get(path);
    if (!served) throw new RpcRemoteError(path, 'not served here');
    const parsed = served.contract.request.safeParse(request);
    if (!parsed.success) throw new RpcInvalidArgumentError(path, schemaIssuesOf(parsed.error));
    let reply: unknown;
    try {
      reply = await served.gate.run(context.deadlineAt, context.signal, () =>
        runInServerSpan(path, this.system, context.metadata, () => runInCall(context, () => served.handler(parsed.data, context))),
      );
    } catch (error) {
      // A downstream deadline or refusal keeps its kind; anything else is this handler's failure.
      throw error instanceof RpcError ? error : new RpcRemoteError(path, messageOf(error));
    }
    const checked = served.contract.reply.safeParse(reply);
    if (!checked.success) throw new RpcRemoteError(path, `its reply breaks the schema: ${schemaIssuesOf(checked.error)}`);
    return checked.data;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
