/**
 * kafkajs 2.2.4 enforces request timeouts with a 100 ms interval per broker connection that runs
 * as long as the connection is open, whether a request is in flight or not: an idle service with
 * a producer, an admin and a consumer woke up 30 times a second for it.
 *
 * Here the check runs when the earliest in-flight request's deadline passes, and not at all while
 * nothing is in flight. A request still times out as kafkajs would (when more than its
 * requestTimeout has passed since it was sent), at its deadline rather than up to 100 ms after.
 * A closed connection rejects its in-flight requests itself. The fix is applied once per process.
 */
interface InflightRequest {
  readonly correlationId: number;
  readonly sentAt: number;
  readonly requestTimeout: number;
  timeoutRequest: () => void;
}

interface RequestQueueInternals {
  enforceRequestTimeout: boolean;
  inflight: Map<number, InflightRequest>;
  requestTimeoutIntervalId?: NodeJS.Timeout | null;
  requestTimeoutDueAt?: number;
  isConnected: () => boolean;
  destroy: (this: RequestQueueInternals) => void;
  scheduleRequestTimeoutCheck: (this: RequestQueueInternals) => void;
  sendSocketRequest: (this: RequestQueueInternals, request: InflightRequest) => void;
}

type RequestQueueClass = { prototype: RequestQueueInternals } & { requestTimeoutFixed?: boolean };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of kafkajs, patched where it is defined
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;

export function fixRequestTimeoutIdleCheck(queueClass: RequestQueueClass = RequestQueue): void {
  if (queueClass.requestTimeoutFixed) return;
  const proto = queueClass.prototype;
  const send = proto.sendSocketRequest;
  const destroy = proto.destroy;

  proto.scheduleRequestTimeoutCheck = function checkOnlyInFlight(this: RequestQueueInternals): void {
    if (!this.enforceRequestTimeout) return;
    this.destroy();
    checkDeadlines(this);
  };
  proto.sendSocketRequest = function sendAndWatch(this: RequestQueueInternals, request: InflightRequest): void {
    send.call(this, request);
    if (this.enforceRequestTimeout && this.inflight.has(request.correlationId)) watchUntil(this, request.sentAt + request.requestTimeout);
  };
  proto.destroy = function destroyWatch(this: RequestQueueInternals): void {
    destroy.call(this);
    this.requestTimeoutIntervalId = null;
    this.requestTimeoutDueAt = undefined;
  };
  queueClass.requestTimeoutFixed = true;
}

/** One timer per queue, at the earliest deadline it was asked for. */
function watchUntil(queue: RequestQueueInternals, deadline: number): void {
  if (queue.requestTimeoutIntervalId && (queue.requestTimeoutDueAt ?? Infinity) <= deadline) return;
  clearTimeout(queue.requestTimeoutIntervalId ?? undefined);
  queue.requestTimeoutDueAt = deadline;
  // kafkajs times a request out once more than requestTimeout has passed: 1 ms after the deadline.
  queue.requestTimeoutIntervalId = setTimeout(
    () => {
      queue.requestTimeoutIntervalId = null;
      queue.requestTimeoutDueAt = undefined;
      checkDeadlines(queue);
    },
    Math.max(deadline - Date.now() + 1, 0),
  );
}

/** kafkajs' own check (time out what is overdue), then a timer for the next deadline if any. */
function checkDeadlines(queue: RequestQueueInternals): void {
  const now = Date.now();
  let next = Infinity;
  queue.inflight.forEach((request) => {
    if (now - request.sentAt > request.requestTimeout) request.timeoutRequest();
    else next = Math.min(next, request.sentAt + request.requestTimeout);
  });
  if (!queue.isConnected()) queue.destroy();
  else if (next < Infinity) watchUntil(queue, next);
}
