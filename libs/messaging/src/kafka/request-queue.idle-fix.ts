/**
 * kafkajs 2.2.4 keeps every broker connection awake when it has nothing to do: after each
 * response its request queue schedules a check of pending requests, and with no pending request
 * and no throttling the delay is negative, so the check runs again 1 ms later, forever
 * (tulios/kafkajs#1556, #1704; the fix of #1667 was never released). An idle service paid for
 * it with about a thousand timer wake-ups a second per connection.
 *
 * Skipping the check when there is nothing pending and no throttle to wait out changes nothing
 * else: a request that cannot be sent at once is queued by push(), which schedules its own
 * check, and every response checks the queue again. The fix is applied once per process.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests: (this: RequestQueueInternals) => void;
}

type RequestQueueClass = { prototype: RequestQueueInternals } & { idleLoopFixed?: boolean };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of kafkajs, patched where it is defined
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;

export function fixRequestQueueIdleLoop(queueClass: RequestQueueClass = RequestQueue): void {
  if (queueClass.idleLoopFixed) return;
  const schedule = queueClass.prototype.scheduleCheckPendingRequests;
  queueClass.prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenNeeded(this: RequestQueueInternals): void {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  queueClass.idleLoopFixed = true;
}
