/** Injection tokens for what the process host (an app's main.ts or the embedded host) provides. */
export const MESSAGE_BUS = Symbol('MessageBus');
export const CACHE = Symbol('Cache');
export const DATABASE_FACTORY = Symbol('DatabaseFactory');
