/** Rejects what Redis would reject (or silently round): bad input names its argument. */
export function assertTtlMs(ttlMs: number, field = 'ttlMs'): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`${field} must be a positive integer of milliseconds, got ${ttlMs}`);
}

export function assertIncrement(by: number): void {
  if (!Number.isSafeInteger(by)) throw new RangeError(`by must be a safe integer, got ${by}`);
}
