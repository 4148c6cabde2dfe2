import { PassScheduler } from './pass.scheduler';

describe(PassScheduler.name, () => {
  let next: Date | undefined;
  let passes: number[];
  let sut: PassScheduler;
  const errors: unknown[] = [];
  const pass = jest.fn(() => {
    passes.push(Date.now());
    return Promise.resolve(next);
  });

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    next = undefined;
    passes = [];
    errors.length = 0;
    sut = new PassScheduler(pass, { minGapMs: 1_000, maxGapMs: 30_000, onError: (e) => errors.push(e) });
  });

  afterEach(async () => {
    await sut.stop();
    jest.useRealTimers();
  });

  it('passes only every maxGapMs while no pass knows of any work', async () => {
    sut.start();
    await jest.advanceTimersByTimeAsync(61_000);

    expect(passes).toEqual([1_000, 31_000, 61_000]);
  });

  it('runs the next pass when the work the last one saw falls due, not before', async () => {
    next = new Date(7_500);
    sut.start();
    await jest.advanceTimersByTimeAsync(1_000);
    next = undefined;
    await jest.advanceTimersByTimeAsync(7_000);

    expect(passes).toEqual([1_000, 7_500]);
  });

  it('is woken early by the event that created work, but never sooner than minGapMs after asking', async () => {
    sut.start();
    await jest.advanceTimersByTimeAsync(1_000);
    await jest.advanceTimersByTimeAsync(4_000);
    sut.wakeBy();
    await jest.advanceTimersByTimeAsync(999);
    expect(passes).toEqual([1_000]);

    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([1_000, 6_000]);
  });

  it('keeps a wake-up that comes during a pass for right after it', async () => {
    let finish!: (next: Date | undefined) => void;
    pass.mockImplementationOnce(() => {
      passes.push(Date.now());
      return new Promise((resolve) => (finish = resolve));
    });
    sut.start();
    await jest.advanceTimersByTimeAsync(1_000);
    sut.wakeBy(1_500);
    finish(undefined);
    await jest.advanceTimersByTimeAsync(2_000);

    expect(passes).toEqual([1_000, 2_000]);
  });

  it('reports a failed pass and tries again after minGapMs', async () => {
    pass.mockImplementationOnce(() => Promise.reject(new Error('database unreachable')));
    sut.start();
    await jest.advanceTimersByTimeAsync(2_000);

    expect(errors).toEqual([new Error('database unreachable')]);
    expect(passes).toEqual([2_000]);
  });

  it('runs no pass after stop', async () => {
    sut.start();
    await sut.stop();
    sut.wakeBy();
    await jest.advanceTimersByTimeAsync(60_000);

    expect(passes).toEqual([]);
  });
});
