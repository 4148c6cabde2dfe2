import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';

import { registerConnectionOf } from './register-connection.util';

/** What Node's response exposes of its fate: `close` fires once, after or instead of the write. */
function response(state: { destroyed?: boolean; writableFinished?: boolean } = {}): ServerResponse & { close(): void } {
  const res = Object.assign(new EventEmitter(), { destroyed: false, writableFinished: false, ...state });
  return Object.assign(res, { close: () => void res.emit('close') }) as unknown as ServerResponse & { close(): void };
}

describe(registerConnectionOf.name, () => {
  it('aborts when the connection closes before the response was written', () => {
    const res = response();
    const connection = registerConnectionOf(res);
    expect(connection.aborted).toBe(false);

    res.close();

    expect(connection.aborted).toBe(true);
  });

  it('stays open when `close` follows a written response', () => {
    const res = response();
    const connection = registerConnectionOf(res);

    Object.assign(res, { writableFinished: true });
    res.close();

    expect(connection.aborted).toBe(false);
  });

  it('is aborted at once when the connection had already closed', () => {
    expect(registerConnectionOf(response({ destroyed: true })).aborted).toBe(true);
  });
});
