import { describeCacheContract } from './cache.contract';
import { InMemoryCache } from './in-memory.cache';

describe(InMemoryCache.name, () => {
  describeCacheContract(() => new InMemoryCache());

  it('keeps no timer that holds the process open, and close() empties it', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const sut = new InMemoryCache();
    const before = timers();

    await sut.set('gateway:idempotency:k1', 'v', 60_000);
    await sut.increment('antifraud:velocity:t1', 1, 60_000);

    expect(timers()).toBe(before);
    expect(await sut.get('gateway:idempotency:k1')).toBe('v');

    await sut.close();

    await expect(sut.get('gateway:idempotency:k1')).rejects.toThrow('cache is closed');
  });
});
