import { sleep } from '../core/backoff.util';
import { BusLogger } from '../core/bus-logger';
import { BatchLimits, RawBatchHandler, RawMessage } from '../core/raw-message';

const noKeepAlive = (): Promise<void> => Promise.resolve();

/**
 * One batch consumer group on one topic: messages wait in arrival order and are handed over up
 * to `maxBatchSize` at a time, one batch at a time, so order holds per key (and overall). Several
 * handlers in a group take turns. After a short batch the queue waits `lingerMs` so the next one
 * gathers what arrived meanwhile, as the Kafka batch consumer does.
 */
export class BatchGroupQueue {
  private readonly members: RawBatchHandler[] = [];
  private readonly pending: RawMessage[] = [];
  private draining = false;
  private running = false;
  private turn = 0;

  constructor(
    private readonly topic: string,
    private readonly group: string,
    private readonly limits: BatchLimits,
    private readonly logger: BusLogger,
    private readonly onSettled: () => void,
  ) {}

  join(handler: RawBatchHandler): void {
    this.members.push(handler);
  }

  enqueue(message: RawMessage): void {
    this.pending.push(message);
    this.schedule();
  }

  /** Messages waiting for a batch (not counting the batch being handled). */
  depth(): number {
    return this.pending.length;
  }

  resume(): void {
    this.running = true;
    this.schedule();
  }

  private schedule(): void {
    if (!this.running || this.draining || this.members.length === 0 || this.pending.length === 0) return;
    this.draining = true;
    // Never inside the publisher's call stack: delivery starts on a later turn of the event loop.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.limits.maxBatchSize);
      const handler = this.members[this.turn % this.members.length];
      this.turn += 1;
      try {
        await handler(batch, noKeepAlive);
      } catch (error) {
        // Only a failed dead-letter send lands here; the in-memory DLT fails only after stop().
        this.logger.error('batch could not be delivered or dead-lettered', { topic: this.topic, group: this.group, size: batch.length, error: String(error) });
      } finally {
        batch.forEach(() => this.onSettled());
      }
      if (batch.length < this.limits.maxBatchSize && this.limits.lingerMs > 0) await sleep(this.limits.lingerMs);
    }
    this.draining = false;
  }
}
