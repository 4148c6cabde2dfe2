import { MAX_STAN } from './stan-rrn';

/** The per-acquirer counters kept in the store: DE 11 STAN and the sequence part of the DE 37 RRN. */
export type HostSequenceCounter = 'stan' | 'rrn';

/** Numbers first..last (inclusive) handed to one process; nobody else gets them until the counter wraps. */
export interface ReservedBlock {
  readonly first: number;
  readonly last: number;
}

/** Where an acquirer's sequences survive restarts (the authorization database). */
export interface HostSequenceStore {
  /** Atomically reserves the next `size` numbers of `counter` for `acquirerId`; see nextBlock. */
  reserve(acquirerId: string, counter: HostSequenceCounter, size: number): Promise<ReservedBlock>;
}

/**
 * The block after `last` (0 = none issued yet): last+1..last+size, or 1..size when that would pass
 * 999999. The few numbers left before the wrap are skipped: DE 11 needs uniqueness, not density.
 */
export function nextBlock(last: number, size: number): ReservedBlock {
  if (!Number.isInteger(size) || size < 1 || size > MAX_STAN) throw new RangeError('block size must be 1..999999');
  const first = last + size > MAX_STAN ? 1 : last + 1;
  return { first, last: first + size - 1 };
}

/** The store in memory (tests, and a process that accepts reuse after a restart). */
export class InMemoryHostSequenceStore implements HostSequenceStore {
  readonly writes: { acquirerId: string; counter: HostSequenceCounter; block: ReservedBlock }[] = [];
  private readonly last = new Map<string, number>();

  reserve(acquirerId: string, counter: HostSequenceCounter, size: number): Promise<ReservedBlock> {
    const key = `${acquirerId}:${counter}`;
    const block = nextBlock(this.last.get(key) ?? 0, size);
    this.last.set(key, block.last);
    this.writes.push({ acquirerId, counter, block });
    return Promise.resolve(block);
  }
}

/** Nest token to replace the database store (tests); AcquirerClient uses the database without it. */
export const HOST_SEQUENCE_STORE = Symbol('HostSequenceStore');
