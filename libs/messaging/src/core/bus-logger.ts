/** The little a bus needs to report what it cannot throw to a caller (late replies, client warnings). */
export interface BusLogger {
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** Default logger: one JSON line per entry on stderr, so log shippers parse it like pino output. */
export const consoleBusLogger: BusLogger = {
  warn: (message, context) => console.warn(JSON.stringify({ level: 'warn', time: Date.now(), msg: message, ...context })),
  error: (message, context) => console.warn(JSON.stringify({ level: 'error', time: Date.now(), msg: message, ...context })),
};
