import { describeCacheContract } from './cache.contract';
import { RedisCache } from './redis.cache';

jest.setTimeout(20_000);

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe(RedisCache.name, () => {
  describeCacheContract(() => new RedisCache({ url }));

  it('reports unhealthy, and fails commands quickly, when the server is unreachable', async () => {
    // Port 1 on loopback: nothing listens there.
    const sut = new RedisCache({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 200, commandTimeoutMs: 500, maxReconnectAttempts: 1 });
    try {
      const started = Date.now();
      expect(await sut.isHealthy()).toBe(false);
      await expect(sut.get('antifraud:velocity:t1')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await sut.close();
    }
  });
});
