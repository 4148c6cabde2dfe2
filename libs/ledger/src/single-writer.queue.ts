interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: one writer applies what callers submit, one batch at a time. Whatever arrives while
 * a batch is being written forms the next batch (no timer: a lone request is written at once), so
 * under load each transaction carries many requests and a contended account is locked once per
 * batch instead of once per request. Each caller gets its own result, in submission order; a
 * batch whose write fails rejects its callers only.
 */
export class SingleWriterQueue<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private writing = false;

  constructor(
    /** Writes a batch; returns one result per item, in order. */
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      // Callers answered by the last batch usually send their next request straight away: let them
      // join this batch rather than the one after it.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}
