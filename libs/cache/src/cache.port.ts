/**
 * The cache port. Implementations: Redis (distributed) and in-memory (embedded); both pass the
 * same contract suite. Keys are namespaced by the caller (`<service>:<purpose>:<id>`).
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when absent (atomic); true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Atomically adds `by` to a counter that expires ttlMs after its first increment; returns the new value. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
