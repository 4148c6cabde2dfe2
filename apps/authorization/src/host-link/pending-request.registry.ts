import type { Iso8583Message } from '@payments/iso8583';

interface PendingRequest {
  resolve: (response: Iso8583Message) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * In-flight requests keyed by response class + STAN, e.g. "021:000042" for a 0200 with DE 11
 * 000042: the host answers on the same connection in any order (ISO 8583 DE 11 matching).
 */
export class PendingRequestRegistry {
  private readonly pending = new Map<string, PendingRequest>();
  private drained: (() => void)[] = [];

  /** "021" for 0200, "041" for 0400/0420 answers 0410/0430, "081" for 0800. */
  static responseClass(mti: string): string {
    return `${mti.slice(0, 2)}${Number(mti[2]) + 1}`;
  }

  static key(responseClass: string, stan: string): string {
    return `${responseClass}:${stan}`;
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  get size(): number {
    return this.pending.size;
  }

  add(key: string, entry: PendingRequest): void {
    this.pending.set(key, entry);
  }

  /** Settles the request the response answers; false when nobody waits for it (late or unknown). */
  resolve(key: string, response: Iso8583Message): boolean {
    const entry = this.take(key);
    if (!entry) return false;
    entry.resolve(response);
    return true;
  }

  reject(key: string, error: Error): void {
    this.take(key)?.reject(error);
  }

  rejectAll(error: Error): void {
    for (const key of [...this.pending.keys()]) this.reject(key, error);
  }

  /** Resolves when nothing is in flight, or after `boundMs`, whichever comes first. */
  whenDrained(boundMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, boundMs);
      this.drained.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private take(key: string): PendingRequest | undefined {
    const entry = this.pending.get(key);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    if (this.pending.size === 0) {
      const waiters = this.drained;
      this.drained = [];
      for (const wake of waiters) wake();
    }
    return entry;
  }
}
