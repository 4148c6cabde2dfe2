import { type HostSequenceCounter, type HostSequenceStore, InMemoryHostSequenceStore, nextBlock, type ReservedBlock } from './host-sequence.store';
import { SHARED_RRN_SEQUENCE, StanAllocator, StanUnavailableError } from './stan.allocator';

const AT = new Date('2026-11-22T05:47:30Z'); // RRN prefix 632605

/** A store whose writes can be held back or made to fail, as a slow or unreachable database. */
class ControlledStore implements HostSequenceStore {
  readonly inner = new InMemoryHostSequenceStore();
  failWith: Error | undefined;
  private held: (() => void)[] = [];
  hold = false;

  async reserve(acquirerId: string, counter: HostSequenceCounter, size: number): Promise<ReservedBlock> {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failWith) throw this.failWith;
    return this.inner.reserve(acquirerId, counter, size);
  }

  release(): void {
    this.hold = false;
    for (const go of this.held.splice(0)) go();
  }
}

const stansOf = (sut: StanAllocator, n: number): string[] => Array.from({ length: n }, () => sut.next(AT).stan);

describe(StanAllocator.name, () => {
  let store: InMemoryHostSequenceStore;
  let sut: StanAllocator;

  beforeEach(async () => {
    store = new InMemoryHostSequenceStore();
    sut = new StanAllocator('acq-a', store, { blockSize: 100 });
    await sut.prime();
  });

  it('issues STANs 000001, 000002, ... and RRNs YDDDHH + the sequence', () => {
    expect([sut.next(AT), sut.next(AT)]).toEqual([
      { stan: '000001', rrn: '632605000001' },
      { stan: '000002', rrn: '632605000002' },
    ]);
  });

  it('writes to the store once per block, reserving the next block before the current one runs out', async () => {
    stansOf(sut, 74);
    expect(store.writes.filter((w) => w.counter === 'stan')).toHaveLength(1);

    stansOf(sut, 1); // 25 left: the next block is reserved in the background
    await Promise.resolve();

    expect(store.writes.filter((w) => w.counter === 'stan').map((w) => w.block)).toEqual([
      { first: 1, last: 100 },
      { first: 101, last: 200 },
    ]);
    expect(stansOf(sut, 30).slice(-6)).toEqual(['000100', '000101', '000102', '000103', '000104', '000105']);
  });

  it('continues after the last reserved block when the process restarts, skipping at most the unused rest', async () => {
    const before = stansOf(sut, 3);
    const restarted = new StanAllocator('acq-a', store, { blockSize: 100 });
    await restarted.prime();

    const after = restarted.next(AT);

    expect(before).toEqual(['000001', '000002', '000003']);
    expect(after).toEqual({ stan: '000101', rrn: '632605000101' });
  });

  it('never hands the same STAN to two processes sharing the acquirer', async () => {
    const other = new StanAllocator('acq-a', store, { blockSize: 100 });
    await other.prime();

    const issued: string[] = [];
    for (let i = 0; i < 300; i++) issued.push((await (i % 3 === 0 ? other : sut).nextWhenReserved(AT)).stan);

    expect(new Set(issued).size).toBe(300);
  });

  it('keeps one sequence per acquirer', async () => {
    const b = new StanAllocator('acq-b', store, { blockSize: 100 });
    await b.prime();
    stansOf(sut, 5);

    expect(b.next(AT).stan).toBe('000001');
  });

  it('gives 1000 concurrent callers 1000 distinct STANs, waiting for blocks as needed', async () => {
    const issued = await Promise.all(Array.from({ length: 1_000 }, () => sut.nextWhenReserved(AT)));

    expect(new Set(issued.map((r) => r.stan)).size).toBe(1_000);
    expect(new Set(issued.map((r) => r.rrn)).size).toBe(1_000);
  });

  it('refuses to issue synchronously before the first block is reserved, naming the acquirer', () => {
    const unprimed = new StanAllocator('acq-c', new InMemoryHostSequenceStore());

    expect(() => unprimed.next(AT)).toThrow(new StanUnavailableError('no STAN/RRN reserved for acquirer acq-c yet; a block is being reserved'));
  });

  it('keeps issuing from the current block while a slow store reserves the next one', async () => {
    const slow = new ControlledStore();
    const allocator = new StanAllocator('acq-d', slow, { blockSize: 10, refillAt: 5 });
    await allocator.prime();
    slow.hold = true;

    const issued = stansOf(allocator, 10);

    expect(issued.at(-1)).toBe('000010');
    expect(() => allocator.next(AT)).toThrow(StanUnavailableError);
    const waiting = allocator.nextWhenReserved(AT);
    slow.release();
    await expect(waiting).resolves.toMatchObject({ stan: '000011' });
  });

  it('reports an unreachable store as StanUnavailableError and recovers when it is back', async () => {
    const flaky = new ControlledStore();
    flaky.failWith = new Error('connection refused');
    const allocator = new StanAllocator('acq-e', flaky);

    await expect(allocator.prime()).rejects.toThrow(/cannot reserve STANs for acquirer acq-e: connection refused/);
    await expect(allocator.nextStan()).rejects.toBeInstanceOf(StanUnavailableError);

    flaky.failWith = undefined;
    await expect(allocator.nextStan()).resolves.toBe('000001');
  });

  it('gives two acquirers their own STANs but never the same RRN, across blocks and a restart', async () => {
    const other = new StanAllocator('acq-b', store, { blockSize: 100 });
    await other.prime();

    const take = async (allocator: StanAllocator, n: number) => {
      const refs = [];
      for (let i = 0; i < n; i++) refs.push(await allocator.nextWhenReserved(AT));
      return refs;
    };
    const a = await take(sut, 150);
    const b = await take(other, 150);
    const restarted = new StanAllocator('acq-b', store, { blockSize: 100 });
    await restarted.prime();
    const c = await take(restarted, 10);

    expect([a[0].stan, b[0].stan]).toEqual(['000001', '000001']);
    const rrns = [...a, ...b, ...c].map((r) => r.rrn);
    expect(new Set(rrns).size).toBe(rrns.length);
    expect(store.writes.filter((w) => w.counter === 'rrn').map((w) => w.acquirerId)).toEqual(expect.arrayContaining([SHARED_RRN_SEQUENCE]));
    expect(store.writes.filter((w) => w.counter === 'rrn' && w.acquirerId !== SHARED_RRN_SEQUENCE)).toEqual([]);
  });

  it('rejects a refill threshold that is not below the block size', () => {
    expect(() => new StanAllocator('acq-f', store, { blockSize: 10, refillAt: 10 })).toThrow(RangeError);
  });
});

describe(nextBlock.name, () => {
  it.each([
    [0, 100, { first: 1, last: 100 }],
    [100, 100, { first: 101, last: 200 }],
    [999_899, 100, { first: 999_900, last: 999_999 }],
    [999_950, 100, { first: 1, last: 100 }],
    [999_999, 100, { first: 1, last: 100 }],
  ])('after %i with size %i reserves %o (wraps to 000001, never 000000)', (last, size, expected) => {
    expect(nextBlock(last, size)).toEqual(expected);
  });
});
