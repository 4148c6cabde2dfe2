import type { ServerResponse } from 'node:http';

/**
 * Aborted once the register's connection closes before its response is written (the register's
 * own timeout, a dropped link): an outcome produced after that never reaches it. Node emits
 * `close` after a written response too, but then `writableFinished` is true.
 */
export function registerConnectionOf(res: ServerResponse): AbortSignal {
  const connection = new AbortController();
  const abortIfUnwritten = (): void => {
    if (!res.writableFinished) connection.abort();
  };
  if (res.destroyed) abortIfUnwritten();
  else res.once('close', abortIfUnwritten);
  return connection.signal;
}
