import type { Cache } from './cache.port';
import { assertIncrement, assertTtlMs } from './cache-input.util';

interface Entry {
  value: string;
  expiresAt?: number;
  timer?: NodeJS.Timeout;
}

/**
 * The embedded mode's cache: one process, same semantics as RedisCache (the shared contract
 * suite proves it). Expired entries are invisible at once and removed by an unref'd timer, so
 * the cache never keeps the process alive.
 */
export class InMemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  get(key: string): Promise<string | null> {
    return this.run(() => this.live(key)?.value ?? null);
  }

  set(key: string, value: string, ttlMs?: number): Promise<void> {
    return this.run(() => {
      if (ttlMs !== undefined) assertTtlMs(ttlMs);
      this.put(key, value, ttlMs);
    });
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.run(() => {
      assertTtlMs(ttlMs);
      if (this.live(key)) return false;
      this.put(key, value, ttlMs);
      return true;
    });
  }

  del(key: string): Promise<void> {
    return this.run(() => this.remove(key));
  }

  increment(key: string, by: number, ttlMs: number): Promise<number> {
    return this.run(() => {
      assertIncrement(by);
      assertTtlMs(ttlMs);
      return this.add(key, by, ttlMs);
    });
  }

  incrementOnce(key: string, by: number, ttlMs: number, onceKey: string): Promise<number> {
    return this.run(() => {
      assertIncrement(by);
      assertTtlMs(ttlMs);
      if (this.live(onceKey)) return Number(this.live(key)?.value ?? 0);
      this.put(onceKey, '1', ttlMs);
      return this.add(key, by, ttlMs);
    });
  }

  isHealthy(): Promise<boolean> {
    return Promise.resolve(!this.closed);
  }

  close(): Promise<void> {
    this.closed = true;
    for (const key of [...this.entries.keys()]) this.remove(key);
    return Promise.resolve();
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('cache is closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private add(key: string, by: number, ttlMs: number): number {
    const entry = this.live(key);
    if (!entry) {
      this.put(key, String(by), ttlMs);
      return by;
    }
    if (!/^-?\d+$/.test(entry.value)) throw new TypeError(`value of ${key} is not an integer`);
    const next = Number(entry.value) + by;
    // Like Redis INCRBY: the expiry set by the first increment stays.
    entry.value = String(next);
    return next;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, value: string, ttlMs?: number): void {
    this.remove(key);
    const entry: Entry = { value };
    if (ttlMs !== undefined) {
      entry.expiresAt = Date.now() + ttlMs;
      entry.timer = setTimeout(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      }, ttlMs).unref();
    }
    this.entries.set(key, entry);
  }

  private remove(key: string): void {
    clearTimeout(this.entries.get(key)?.timer);
    this.entries.delete(key);
  }
}
