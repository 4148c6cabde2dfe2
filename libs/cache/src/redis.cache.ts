import Redis from 'ioredis';

import type { Cache } from './cache.port';
import { assertIncrement, assertTtlMs } from './cache-input.util';

export interface RedisCacheOptions {
  /** redis://[user:password@]host:port[/db] */
  readonly url: string;
  /** Gives up one connection attempt after this long (default 2000 ms). */
  readonly connectTimeoutMs?: number;
  /** A command not answered within this fails instead of hanging (default 2000 ms). */
  readonly commandTimeoutMs?: number;
  /** Reconnection attempts after a lost connection (default: unlimited, backoff capped at 2 s). */
  readonly maxReconnectAttempts?: number;
}

/**
 * INCRBY then, when the key has no expiry yet (its first increment), PEXPIRE: one script, so
 * no client ever sees a counter without its TTL and no increment is lost between the two.
 */
const INCREMENT_WITH_TTL = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value`;

/** The mark and the increment in one script: a repeat never adds, and no two first calls both miss the mark. */
const INCREMENT_ONCE = `
if not redis.call('SET', KEYS[2], '1', 'PX', ARGV[2], 'NX') then return tonumber(redis.call('GET', KEYS[1]) or '0') end
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value`;

type ScriptedRedis = Redis & {
  incrementWithTtl(key: string, by: number, ttlMs: number): Promise<number>;
  incrementOnce(key: string, onceKey: string, by: number, ttlMs: number): Promise<number>;
};

/** The distributed mode's cache over Redis (ioredis). */
export class RedisCache implements Cache {
  private readonly client: ScriptedRedis;
  private closed = false;

  constructor(options: RedisCacheOptions) {
    const maxAttempts = options.maxReconnectAttempts ?? Number.POSITIVE_INFINITY;
    this.client = new Redis(options.url, {
      connectTimeout: options.connectTimeoutMs ?? 2000,
      commandTimeout: options.commandTimeoutMs ?? 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => (attempt > maxAttempts ? null : Math.min(attempt * 100, 2000)),
    }) as ScriptedRedis;
    // Without a listener ioredis prints every failed attempt; the failure reaches callers and isHealthy.
    this.client.on('error', () => undefined);
    this.client.defineCommand('incrementWithTtl', { numberOfKeys: 1, lua: INCREMENT_WITH_TTL });
    this.client.defineCommand('incrementOnce', { numberOfKeys: 2, lua: INCREMENT_ONCE });
  }

  get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) {
      await this.client.set(key, value);
      return;
    }
    assertTtlMs(ttlMs);
    await this.client.set(key, value, 'PX', ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    assertTtlMs(ttlMs);
    return (await this.client.set(key, value, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async del(key: string): Promise<void> {
    await this.client.del(key);
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    assertIncrement(by);
    assertTtlMs(ttlMs);
    return Number(await this.client.incrementWithTtl(key, by, ttlMs));
  }

  async incrementOnce(key: string, by: number, ttlMs: number, onceKey: string): Promise<number> {
    assertIncrement(by);
    assertTtlMs(ttlMs);
    return Number(await this.client.incrementOnce(key, onceKey, by, ttlMs));
  }

  async isHealthy(): Promise<boolean> {
    if (this.closed || this.client.status === 'end') return false;
    // While (re)connecting the PING waits in the offline queue: true once connected, false when
    // the attempt or the command timeout fails first.
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // QUIT lets pending replies arrive; disconnect() then drops the socket and any reconnect timer.
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }
}
