import type { HostSequenceCounter, HostSequenceStore, ReservedBlock } from './host-sequence.store';

export interface ReservedBlockQueueOptions {
  /** Numbers reserved per store write. */
  blockSize: number;
  /** Reserve the next block in the background once this many numbers are left. */
  refillAt: number;
  /** A background refill failed (the next take tries again). */
  onRefillError?: (error: Error) => void;
}

/**
 * One counter of one acquirer, handed out from blocks reserved in the store. The next block is
 * reserved before the current one runs dry, so take() rarely waits; a restart loses at most the
 * unused rest (fewer than blockSize + refillAt numbers) and never reissues a number.
 */
export class ReservedBlockQueue {
  private readonly blocks: ReservedBlock[] = [];
  private next = 0;
  private refilling: Promise<void> | undefined;

  constructor(
    private readonly acquirerId: string,
    private readonly counter: HostSequenceCounter,
    private readonly store: HostSequenceStore,
    private readonly options: ReservedBlockQueueOptions,
  ) {}

  get remaining(): number {
    return this.blocks.reduce((sum, block, i) => sum + block.last - (i === 0 ? this.next : block.first) + 1, 0);
  }

  /** The next number, or undefined when none is reserved yet (a refill is then under way). */
  take(): number | undefined {
    const block = this.blocks[0];
    if (!block) {
      this.startRefill();
      return undefined;
    }
    const value = this.next;
    if (value >= block.last) {
      this.blocks.shift();
      this.next = this.blocks[0]?.first ?? 0;
    } else {
      this.next = value + 1;
    }
    if (this.remaining <= this.options.refillAt) this.startRefill();
    return value;
  }

  /** The next number, waiting for a reservation when none is left; rejects when the store fails. */
  async takeWhenReserved(): Promise<number> {
    for (;;) {
      const value = this.take();
      if (value !== undefined) return value;
      await this.refill();
    }
  }

  /** Reserves one more block (shared by concurrent callers). */
  refill(): Promise<void> {
    this.refilling ??= this.store
      .reserve(this.acquirerId, this.counter, this.options.blockSize)
      .then((block) => {
        if (this.blocks.length === 0) this.next = block.first;
        this.blocks.push(block);
      })
      .finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  private startRefill(): void {
    if (this.refilling) return;
    this.refill().catch((error: unknown) => this.options.onRefillError?.(error instanceof Error ? error : new Error(String(error))));
  }
}
