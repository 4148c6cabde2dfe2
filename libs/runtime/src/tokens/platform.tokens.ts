/** Injection tokens for what the process host (an app's main.ts or the embedded host) provides. */
export const MESSAGE_BUS = Symbol('MessageBus');
export const CACHE = Symbol('Cache');
export const DATABASE_FACTORY = Symbol('DatabaseFactory');
/** The synchronous path (gRPC between processes, in process in the embedded mode): @payments/rpc's Rpc. */
export const RPC = Symbol('Rpc');
