import { AsyncLocalStorage } from 'node:async_hooks';

import type { RpcContext } from '../rpc.port';

const scope = new AsyncLocalStorage<RpcContext>();

/**
 * The call being served, wherever in the handler's async work the question is asked: a client
 * call made while serving (authorization asking antifraud) takes its deadline from it, as gRPC
 * deadline propagation does, without threading a context through every use case.
 */
export function inboundCall(): RpcContext | undefined {
  return scope.getStore();
}

export function runInCall<T>(context: RpcContext, work: () => Promise<T>): Promise<T> {
  return scope.run(context, work);
}
