export interface PassSchedulerOptions {
  /** The shortest gap between two passes (and the delay a wake-up without a time gets). */
  readonly minGapMs: number;
  /** The longest: a pass runs at least this often, whatever the last one asked (a safety net). */
  readonly maxGapMs: number;
  /** A pass that rejected (one that reports its own failures and resolves needs none). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs a background pass when there is something for it to do instead of on a short fixed
 * interval: each pass says when the earliest work it knows of falls due, and an in-process event
 * that creates work wakes it earlier (wakeBy). Passes never overlap; between two of them there
 * are at least minGapMs, at most maxGapMs. The timer does not keep the process alive.
 */
export class PassScheduler {
  private timer?: NodeJS.Timeout;
  private dueAt = Infinity;
  private running?: Promise<void>;
  private wokenTo = Infinity;
  private stopped = false;

  /** `pass` resolves to when it wants to run next (undefined: nothing known, the safety net decides). */
  constructor(
    private readonly pass: () => Promise<Date | undefined>,
    private readonly options: PassSchedulerOptions,
  ) {}

  /** The first pass, minGapMs from now. */
  start(): void {
    this.stopped = false;
    this.arm(Date.now() + this.options.minGapMs);
  }

  /** Runs a pass no later than `at` (default: minGapMs from now). */
  wakeBy(at: Date | number = Date.now() + this.options.minGapMs): void {
    const ms = Math.max(typeof at === 'number' ? at : at.getTime(), Date.now() + this.options.minGapMs);
    if (this.running) this.wokenTo = Math.min(this.wokenTo, ms);
    else if (ms < this.dueAt) this.arm(ms);
  }

  /** One pass now (a running one is joined, not doubled); resolves when it is done. */
  runNow(): Promise<void> {
    clearTimeout(this.timer);
    this.dueAt = Infinity;
    this.running ??= this.pass()
      .then(
        (next) => next?.getTime() ?? Infinity,
        (error: unknown) => {
          this.options.onError?.(error);
          return Date.now() + this.options.minGapMs;
        },
      )
      .then((next) => {
        this.running = undefined;
        const now = Date.now();
        const at = Math.min(Math.max(Math.min(next, this.wokenTo), now + this.options.minGapMs), now + this.options.maxGapMs);
        this.wokenTo = Infinity;
        if (!this.stopped) this.arm(at);
      });
    return this.running;
  }

  /** No pass after this one; resolves once a running pass is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.dueAt = Infinity;
    await this.running;
  }

  private arm(at: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => void this.runNow(), Math.max(at - Date.now(), 0));
    this.timer.unref();
  }
}
