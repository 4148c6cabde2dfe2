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
  /**
   * As increment, once per `onceKey`: the first call marks onceKey for ttlMs and adds; a repeat
   * while the mark lives adds nothing and returns the counter's current value (0 once it expired).
   * For a count of events a caller may send twice (a retry after a lost reply).
   */
  incrementOnce(key: string, by: number, ttlMs: number, onceKey: string): Promise<number>;
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
