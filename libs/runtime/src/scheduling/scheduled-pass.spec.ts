import { ScheduledPass } from './scheduled-pass';

class CountingPass extends ScheduledPass {
  readonly seen: Date[] = [];
  constructor(
    private readonly outcome: () => Date | undefined,
    retryAfterMs?: number,
  ) {
    super({ name: 'counting', minGapMs: 10, maxGapMs: 1_000, retryAfterMs });
  }

  protected pass(now: Date): Promise<Date | undefined> {
    this.seen.push(now);
    try {
      return Promise.resolve(this.outcome());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

describe('a scheduled pass', () => {
  it('runs the pass with the time given and answers when the next is due', async () => {
    const next = new Date('2026-12-07T12:00:05Z');
    const pass = new CountingPass(() => next);
    expect(await pass.runOnce(new Date('2026-12-07T12:00:00Z'))).toBe(next);
    expect(pass.seen).toEqual([new Date('2026-12-07T12:00:00Z')]);
  });

  it('logs a failed pass by its name and asks to be run again after retryAfterMs (or leaves it to maxGapMs)', async () => {
    const failing = () => {
      throw new Error('database unreachable');
    };
    const retrying = new CountingPass(failing, 5_000);
    const errors: string[] = [];
    jest.spyOn(retrying['logger'], 'error').mockImplementation((message: string) => void errors.push(message));
    const before = Date.now();
    const next = await retrying.runOnce();
    expect(errors).toEqual(['counting pass failed: database unreachable']);
    expect(next!.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    const waiting = new CountingPass(failing);
    jest.spyOn(waiting['logger'], 'error').mockImplementation(() => undefined);
    expect(await waiting.runOnce()).toBeUndefined();
  });

  it('starts with the application and stops at its shutdown, without a pass left running', async () => {
    const pass = new CountingPass(() => undefined);
    pass.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pass.onApplicationShutdown();
    const passes = pass.seen.length;
    expect(passes).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pass.seen.length).toBe(passes);
  });
});
