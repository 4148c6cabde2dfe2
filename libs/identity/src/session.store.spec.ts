import { createHash } from 'node:crypto';

import { InMemoryCache } from '@payments/cache';

import { SessionStore } from './session.store';

describe(SessionStore.name, () => {
  let cache: InMemoryCache;
  let now: number;
  let sut: SessionStore;
  const account = { id: 'acc-1', realm: 'operator' as const, username: 'night-duty', role: 'support' as const };

  beforeEach(() => {
    cache = new InMemoryCache();
    now = Date.UTC(2026, 11, 7, 20, 0);
    sut = new SessionStore(cache, { idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 }, () => now);
  });
  afterEach(() => cache.close());

  it('gives a 32-byte base64url token and keeps only its SHA-256 in the cache', async () => {
    const { token } = await sut.open(account);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await cache.get(`identity:session:${token}`)).toBeNull();
    expect(await cache.get(`identity:session:${createHash('sha256').update(token).digest('hex')}`)).toContain('"username":"night-duty"');
    expect(await sut.resolve(token, 'operator')).toMatchObject({ ok: true, session: { accountId: 'acc-1', role: 'support' } });
  });

  it('ends a session idle for 15 minutes, and keeps one used every 14 minutes up to 8 hours', async () => {
    const idle = (await sut.open(account)).token;
    const busy = (await sut.open(account)).token;
    for (let minute = 14; minute < 8 * 60; minute += 14) {
      now += 14 * 60_000;
      expect((await sut.resolve(busy, 'operator')).ok).toBe(true);
    }
    expect(await sut.resolve(idle, 'operator')).toEqual({ ok: false, reason: 'expired' });

    now += 14 * 60_000;
    expect(await sut.resolve(busy, 'operator')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a forged or malformed token, and a token of another realm', async () => {
    const { token } = await sut.open(account);
    expect(await sut.resolve(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'operator')).toEqual({ ok: false, reason: 'unknown' });
    expect(await sut.resolve('not a token', 'operator')).toEqual({ ok: false, reason: 'malformed' });
    expect(await sut.resolve(token, 'staff')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('ends a session at logout, and every session of an account when asked, not later ones', async () => {
    const [a, b] = [(await sut.open(account)).token, (await sut.open(account)).token];
    await sut.close(a);
    expect(await sut.resolve(a, 'operator')).toEqual({ ok: false, reason: 'unknown' });

    await sut.closeAllOf('operator', 'acc-1');
    expect(await sut.resolve(b, 'operator')).toEqual({ ok: false, reason: 'unknown' });
    const c = (await sut.open(account)).token;
    expect((await sut.resolve(c, 'operator')).ok).toBe(true);
  });
});
