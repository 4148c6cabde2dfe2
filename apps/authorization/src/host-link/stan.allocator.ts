import { HostLinkError } from './host-link.errors';
import type { HostSequenceStore } from './host-sequence.store';
import { ReservedBlockQueue } from './reserved-block.queue';
import { rrnOf, stanOf } from './stan-rrn';

/** DE 11 and DE 37 of one request to an acquirer. */
export interface HostReference {
  stan: string;
  rrn: string;
}

export interface StanAllocatorOptions {
  /** Numbers reserved per database write. Default 100. */
  blockSize?: number;
  /** Reserve the next block when this many are left. Default a quarter of the block. */
  refillAt?: number;
  /** A background reservation failed; logged by the owner (the next request tries again). */
  onRefillError?: (error: Error) => void;
}

export const DEFAULT_STAN_BLOCK_SIZE = 100;

/**
 * The store key of the one RRN sequence all acquirers share (no acquirer id can be "*"): two
 * acquirers never get the same DE 37 in the same hour, so an RRN names one operation in the
 * journal (a cancel by approval code + RRN finds one original). STANs stay per acquirer.
 */
export const SHARED_RRN_SEQUENCE = '*';

/** No STAN or RRN could be reserved for the acquirer (the store is unreachable, or not primed yet). */
export class StanUnavailableError extends HostLinkError {
  override readonly name = 'StanUnavailableError';
}

/**
 * STANs (ISO 8583 DE 11) of one acquirer and RRNs (DE 37) from the sequence shared by all, both
 * surviving restarts: they are counted in blocks reserved in the store, so a restarted process
 * continues after the last block any process reserved and never reuses a STAN before the counter
 * wraps (999999 -> 000001). Each allocator reserves its own RRN blocks, so they never overlap.
 */
export class StanAllocator {
  private readonly stans: ReservedBlockQueue;
  private readonly rrns: ReservedBlockQueue;

  constructor(
    readonly acquirerId: string,
    store: HostSequenceStore,
    options: StanAllocatorOptions = {},
  ) {
    const blockSize = options.blockSize ?? DEFAULT_STAN_BLOCK_SIZE;
    const refillAt = options.refillAt ?? Math.floor(blockSize / 4);
    if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 10_000) throw new RangeError('STAN block size must be 1..10000');
    if (!Number.isInteger(refillAt) || refillAt < 0 || refillAt >= blockSize) throw new RangeError('refillAt must be 0..blockSize-1');
    const queue = { blockSize, refillAt, onRefillError: options.onRefillError };
    this.stans = new ReservedBlockQueue(acquirerId, 'stan', store, queue);
    this.rrns = new ReservedBlockQueue(SHARED_RRN_SEQUENCE, 'rrn', store, queue);
  }

  /** Reserves the first blocks (at boot), so next() can answer synchronously. */
  async prime(): Promise<void> {
    try {
      await Promise.all([this.stans.remaining === 0 && this.stans.refill(), this.rrns.remaining === 0 && this.rrns.refill()]);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** The reference of a request sent at `at`, from the reserved blocks; StanUnavailableError when none is left. */
  next(at: Date): HostReference {
    const stan = this.stans.take();
    const rrn = this.rrns.take();
    if (stan === undefined || rrn === undefined) {
      throw new StanUnavailableError(`no STAN/RRN reserved for acquirer ${this.acquirerId} yet; a block is being reserved`);
    }
    return { stan: stanOf(stan), rrn: rrnOf(at, rrn) };
  }

  /** Like next(), waiting for a reservation when the blocks ran dry. */
  async nextWhenReserved(at: Date): Promise<HostReference> {
    try {
      const [stan, rrn] = await Promise.all([this.stans.takeWhenReserved(), this.rrns.takeWhenReserved()]);
      return { stan: stanOf(stan), rrn: rrnOf(at, rrn) };
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** A STAN alone (network management messages carry no RRN). */
  async nextStan(): Promise<string> {
    try {
      return stanOf(await this.stans.takeWhenReserved());
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(cause: unknown): StanUnavailableError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new StanUnavailableError(`cannot reserve STANs for acquirer ${this.acquirerId}: ${reason}`, { cause });
  }
}
