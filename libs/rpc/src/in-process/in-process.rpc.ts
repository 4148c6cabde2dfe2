import { RpcContract, rpcPathOf } from '@payments/contracts';

import { OutboundCall, RpcTransportBase } from '../core/rpc-transport.base';
import { RpcCancelledError, RpcDeadlineError, RpcUnavailableError } from '../rpc.errors';

/**
 * The embedded mode's transport: a registry of handlers in this process. Same rules as gRPC
 * (both sides validate, the deadline is enforced with a timer, a cancel or an expired deadline
 * fires the handler's signal), only no bytes move.
 */
export class InProcessRpc extends RpcTransportBase {
  protected readonly system = 'in_process';
  private running = false;

  start(): Promise<void> {
    this.running = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.running = false;
    return Promise.resolve();
  }

  isHealthy(): Promise<boolean> {
    return Promise.resolve(this.running);
  }

  protected invoke(contract: RpcContract<unknown, unknown>, request: unknown, call: OutboundCall): Promise<unknown> {
    const path = rpcPathOf(contract);
    if (!this.served.has(path)) return Promise.reject(new RpcUnavailableError(path, 'no handler serves it in this process'));
    const handlerSignal = new AbortController();
    return new Promise((resolve, reject) => {
      const giveUp = (error: Error): void => {
        handlerSignal.abort(error);
        reject(error);
      };
      const budgetMs = Math.max(0, call.transportDeadlineAt - Date.now());
      const timer = setTimeout(() => giveUp(new RpcDeadlineError(path, budgetMs)), budgetMs);
      const cancel = (): void => giveUp(new RpcCancelledError(path));
      call.signal.addEventListener('abort', cancel, { once: true });
      // A copy of the metadata, as a wire would give the handler.
      this.dispatch(path, request, { deadlineAt: call.deadlineAt, signal: handlerSignal.signal, metadata: { ...call.metadata } })
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          call.signal.removeEventListener('abort', cancel);
        });
    });
  }
}
