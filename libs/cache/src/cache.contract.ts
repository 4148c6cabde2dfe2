import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Cache } from './cache.port';

/**
 * The behaviour every Cache passes (InMemoryCache in the unit tier, RedisCache against a real
 * Redis in the int tier). Keys are unique per test, so runs sharing a Redis never meet.
 */
export function describeCacheContract(open: () => Cache): void {
  describe('Cache contract', () => {
    let sut: Cache;
    let prefix: string;
    const key = (name: string) => `${prefix}:${name}`;

    beforeEach(() => {
      sut = open();
      prefix = `cache-contract:${randomUUID()}`;
    });
    afterEach(async () => {
      await sut.close();
    });

    it('stores, overwrites and deletes values', async () => {
      expect(await sut.get(key('a'))).toBeNull();
      await sut.set(key('a'), 'one');
      await sut.set(key('a'), 'two');
      expect(await sut.get(key('a'))).toBe('two');
      await sut.del(key('a'));
      expect(await sut.get(key('a'))).toBeNull();
    });

    it('forgets a value after its TTL, and setIfAbsent may then set it again', async () => {
      await sut.set(key('session'), 's1', 150);
      expect(await sut.setIfAbsent(key('session'), 's2', 150)).toBe(false);
      expect(await sut.get(key('session'))).toBe('s1');
      await sut.set(key('permanent'), 'p');

      await sleep(300);

      expect(await sut.get(key('session'))).toBeNull();
      expect(await sut.get(key('permanent'))).toBe('p');
      expect(await sut.setIfAbsent(key('session'), 's2', 1000)).toBe(true);
      expect(await sut.get(key('session'))).toBe('s2');
    });

    it('counts 200 parallel increments exactly, each caller seeing a distinct value', async () => {
      const values = await Promise.all(Array.from({ length: 200 }, () => sut.increment(key('velocity'), 1, 10_000)));

      expect(await sut.get(key('velocity'))).toBe('200');
      expect(new Set(values).size).toBe(200);
      expect(Math.max(...values)).toBe(200);
    });

    it('expires a counter TTL after its first increment; later increments do not extend it', async () => {
      expect(await sut.increment(key('window'), 5, 300)).toBe(5);
      await sleep(150);
      expect(await sut.increment(key('window'), 2, 300)).toBe(7);

      await sleep(250);

      expect(await sut.get(key('window'))).toBeNull();
      expect(await sut.increment(key('window'), 1, 300)).toBe(1);
    });

    it('counts an event once however often it is sent: a repeat adds nothing and sees the current count', async () => {
      expect(await sut.incrementOnce(key('card'), 1, 10_000, key('card:tx1'))).toBe(1);
      expect(await sut.incrementOnce(key('card'), 1, 10_000, key('card:tx2'))).toBe(2);

      expect(await sut.incrementOnce(key('card'), 1, 10_000, key('card:tx1'))).toBe(2);
      const racing = await Promise.all(Array.from({ length: 20 }, () => sut.incrementOnce(key('card'), 1, 10_000, key('card:tx3'))));

      expect(racing.filter((value) => value === 3)).toHaveLength(20);
      expect(await sut.get(key('card'))).toBe('3');
    });

    it('lets exactly one of 50 racing setIfAbsent calls win, and keeps the winner value', async () => {
      const wins = await Promise.all(Array.from({ length: 50 }, (_, i) => sut.setIfAbsent(key('lock'), `owner-${i}`, 5_000)));

      const winners = wins.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await sut.get(key('lock'))).toBe(`owner-${winners[0]}`);
    });

    it('rejects a TTL that is not a positive integer, naming it', async () => {
      await expect(sut.increment(key('bad'), 1, 0)).rejects.toThrow(/ttlMs/);
      await expect(sut.setIfAbsent(key('bad'), 'x', 1.5)).rejects.toThrow(/ttlMs/);
      expect(await sut.get(key('bad'))).toBeNull();
    });

    it('is healthy while open and unhealthy after close', async () => {
      expect(await sut.isHealthy()).toBe(true);
      await sut.close();
      expect(await sut.isHealthy()).toBe(false);
    });
  });
}
