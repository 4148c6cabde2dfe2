/** Milliseconds since the epoch; injected so tests can move time (sessions, TOTP windows, locks). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
