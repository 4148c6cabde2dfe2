import type { GatewayEnv } from '../config/gateway-env';
import type { ApiClientRepository } from './api-client.repository';
import type { Terminal } from './terminal';
import { MAX_CACHED_TERMINALS, TerminalKeyCache } from './terminal-key.cache';

const KEY = 'register-key-0123456789';
const TERMINAL: Terminal = { clientId: 'c-1', name: 'Register 1', terminalId: 'DEMO0001', merchantId: 'DEMOSHOP0000001', currencies: ['EUR'] };

describe(TerminalKeyCache.name, () => {
  // The api_client table: which keys are active right now.
  let active = new Map<string, Terminal>();
  const clients = { findActiveByKey: jest.fn((key: string) => Promise.resolve(active.get(key))) };
  const cacheFor = (ttlMs: number) => new TerminalKeyCache(clients as unknown as ApiClientRepository, { GATEWAY_TERMINAL_CACHE_TTL_MS: ttlMs } as GatewayEnv);

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-06T10:00:00.000Z') });
    active = new Map([[KEY, TERMINAL]]);
    clients.findActiveByKey.mockClear();
  });
  afterEach(() => jest.useRealTimers());

  it('reads a key once per TTL: the next requests of the register are answered from memory', async () => {
    const sut = cacheFor(5_000);

    for (let i = 0; i < 3; i += 1) expect(await sut.findActiveByKey(KEY)).toEqual(TERMINAL);

    expect(clients.findActiveByKey).toHaveBeenCalledTimes(1);
  });

  it('refuses a revoked key once the TTL has passed', async () => {
    const sut = cacheFor(5_000);
    await sut.findActiveByKey(KEY);
    active.delete(KEY);

    jest.advanceTimersByTime(4_999);
    expect(await sut.findActiveByKey(KEY)).toEqual(TERMINAL);
    jest.advanceTimersByTime(1);
    expect(await sut.findActiveByKey(KEY)).toBeUndefined();
  });

  it('never remembers an unknown key: each guess is read again and takes no memory', async () => {
    const sut = cacheFor(5_000);

    expect(await sut.findActiveByKey('guessed-key-000000001')).toBeUndefined();
    active.set('guessed-key-000000001', TERMINAL);
    expect(await sut.findActiveByKey('guessed-key-000000001')).toEqual(TERMINAL);
    expect(clients.findActiveByKey).toHaveBeenCalledTimes(2);
  });

  it('reads every request when the TTL is 0', async () => {
    const sut = cacheFor(0);

    await sut.findActiveByKey(KEY);
    await sut.findActiveByKey(KEY);

    expect(clients.findActiveByKey).toHaveBeenCalledTimes(2);
  });

  it(`keeps at most ${MAX_CACHED_TERMINALS} terminals, forgetting the oldest first`, async () => {
    const sut = cacheFor(60_000);
    const keys = Array.from({ length: MAX_CACHED_TERMINALS + 1 }, (_, i) => `register-key-${String(i).padStart(8, '0')}`);
    active = new Map(keys.map((key) => [key, TERMINAL]));
    for (const key of keys) await sut.findActiveByKey(key);
    clients.findActiveByKey.mockClear();

    await sut.findActiveByKey(keys[MAX_CACHED_TERMINALS]);
    await sut.findActiveByKey(keys[1]);
    await sut.findActiveByKey(keys[0]);

    expect(clients.findActiveByKey.mock.calls).toEqual([[keys[0]]]);
  });
});
