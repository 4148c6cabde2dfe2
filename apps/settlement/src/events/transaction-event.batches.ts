/**
 * Totals and lines are not on the register's path: transaction events are taken in batches of up
 * to 200, each batch one statement and one commit. After a short batch a consumer waits 80 ms for
 * more, so what it keeps lags its events by about that much at most.
 */
export const TRANSACTION_EVENT_BATCHES = { maxBatchSize: 200, lingerMs: 80 } as const;
