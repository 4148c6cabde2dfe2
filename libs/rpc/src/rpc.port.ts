import { RpcContract } from '@payments/contracts';

/** Call metadata (gRPC metadata, in process a plain copy): lowercase keys, string values. */
export type RpcMetadata = Record<string, string>;

export interface RpcCallOptions<R> {
  /** Epoch ms: the caller gives up then (RpcDeadlineError) and the callee sees it as its deadline. */
  readonly deadlineAt: number;
  readonly metadata?: RpcMetadata;
  /** Aborting it cancels the call: the callee's context signal fires, the call rejects with RpcCancelledError. */
  readonly signal?: AbortSignal;
  /**
   * The caller answers its own client at deadlineAt but keeps listening for graceMs more: an
   * outcome that arrives then goes to `handler` instead of being lost (a late decline, a close
   * of day that finished after the register gave up).
   */
  readonly lateReply?: { readonly graceMs: number; readonly handler: (reply: R) => Promise<void> };
}

/** What a handler knows about the call it serves. */
export interface RpcContext {
  /** Epoch ms: the caller's deadline; nothing should be started that cannot finish before it. */
  readonly deadlineAt: number;
  /** Fires when the caller cancels or stops waiting altogether. */
  readonly signal: AbortSignal;
  readonly metadata: RpcMetadata;
}

export type RpcHandler<Q, R> = (request: Q, context: RpcContext) => Promise<R>;

export interface RpcClient {
  /** Validates the request with the contract's schema, calls, validates the reply. Rejects with an RpcError. */
  call<Q, R>(contract: RpcContract<Q, R>, request: Q, options: RpcCallOptions<R>): Promise<R>;
}

export interface RpcServer {
  /** Serves one method; the request reaches the handler only once it passed the contract's schema. */
  serve<Q, R>(contract: RpcContract<Q, R>, handler: RpcHandler<Q, R>): void;
}

/**
 * The synchronous path's port. Implementations: gRPC (distributed) and in-process (embedded);
 * both pass the same contract suite. Handlers are registered before start().
 */
export interface Rpc extends RpcClient, RpcServer {
  start(): Promise<void>;
  /** Stops taking calls; calls in flight get a grace period. */
  stop(): Promise<void>;
  isHealthy(): Promise<boolean>;
}
