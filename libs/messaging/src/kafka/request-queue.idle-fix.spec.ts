import { fixRequestQueueIdleLoop } from './request-queue.idle-fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the kafkajs internal the fix applies to
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => {
  pending: unknown[];
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
};

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe(fixRequestQueueIdleLoop.name, () => {
  beforeAll(() => fixRequestQueueIdleLoop());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const queue = () =>
    new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'c', broker: 'b', logger: quiet });

  it('leaves an idle connection without timers once a response came back', () => {
    const sut = queue();
    sut.checkPendingRequests(); // what kafkajs does after every response
    expect(jest.getTimerCount()).toBe(0);
    sut.destroy();
  });

  it('still comes back for a request that waits for the broker throttle to end', () => {
    const sut = queue();
    sut.maybeThrottle(500);
    sut.pending.push({});
    sut.checkPendingRequests();
    expect(jest.getTimerCount()).toBe(1);
    sut.destroy();
  });
});
