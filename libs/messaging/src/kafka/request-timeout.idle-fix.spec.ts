import { fixRequestQueueIdleLoop } from './request-queue.idle-fix';
import { fixRequestTimeoutIdleCheck } from './request-timeout.idle-fix';

interface Queue {
  scheduleRequestTimeoutCheck(): void;
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  destroy(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the kafkajs internal the fix applies to
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => Queue;

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe(fixRequestTimeoutIdleCheck.name, () => {
  // Both, as the bus applies them (a timed-out request makes kafkajs check its pending queue).
  beforeAll(() => {
    fixRequestQueueIdleLoop();
    fixRequestTimeoutIdleCheck();
  });
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const connected = () =>
    new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, enforceRequestTimeout: true, clientId: 'c', broker: 'b', logger: quiet });
  /** A request to the broker; `outcome` says how it ended. */
  const request = (queue: Queue, correlationId: number, requestTimeout?: number) => {
    const outcome: { value?: string } = {};
    queue.push({
      entry: {
        correlationId,
        apiName: 'Fetch',
        apiKey: 1,
        apiVersion: 11,
        resolve: () => (outcome.value = 'answered'),
        reject: (error: Error) => (outcome.value = error.name),
      },
      expectResponse: true,
      sendRequest: () => undefined,
      requestTimeout,
    });
    return outcome;
  };

  it('leaves a connected queue with nothing in flight without timers', () => {
    const sut = connected();
    sut.scheduleRequestTimeoutCheck(); // what kafkajs does once the connection is up

    expect(jest.getTimerCount()).toBe(0);
    sut.destroy();
  });

  it('times out a request the broker never answers, once its requestTimeout has passed', async () => {
    const sut = connected();
    sut.scheduleRequestTimeoutCheck();
    const unanswered = request(sut, 1);

    await jest.advanceTimersByTimeAsync(30_000);
    expect(unanswered.value).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);

    expect(unanswered.value).toBe('KafkaJSRequestTimeoutError');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps watching a request sent later than the one answered, until its own deadline', async () => {
    const sut = connected();
    sut.scheduleRequestTimeoutCheck();
    const answered = request(sut, 1);
    await jest.advanceTimersByTimeAsync(10_000);
    const unanswered = request(sut, 2, 35_000);
    sut.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });

    await jest.advanceTimersByTimeAsync(35_000);
    expect(unanswered.value).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);

    expect(answered.value).toBe('answered');
    expect(unanswered.value).toBe('KafkaJSRequestTimeoutError');
  });

  it('stops watching when the queue is destroyed (the connection closed)', () => {
    const sut = connected();
    sut.scheduleRequestTimeoutCheck();
    request(sut, 1);
    sut.destroy();

    expect(jest.getTimerCount()).toBe(0);
  });
});
