import { KafkaMessage } from 'kafkajs';

import { KeepAlive } from '../core/raw-message';

interface Waiting {
  readonly messages: KafkaMessage[];
  readonly keepAlive: KeepAlive;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * kafkajs hands a fetch over one batch per partition, each to its own concurrent eachBatch call.
 * This joins the pieces that arrive in the same turn of the event loop (one fetch's partitions)
 * into one handler call of at most `maxBatchSize` messages; each caller's promise settles with
 * that call, so a partition resolves its offsets only once its messages are settled. Each
 * partition's messages stay in order, and a partition gives nothing more before its call settles,
 * so order per key holds.
 */
export class PartitionBatchCoalescer {
  private waiting: Waiting[] = [];
  private size = 0;
  private scheduled = false;

  constructor(
    private readonly maxBatchSize: number,
    private readonly handle: (messages: KafkaMessage[], keepAlive: KeepAlive) => Promise<void>,
  ) {}

  /** Resolves once the handler call that took `messages` (at most maxBatchSize of them) settled. */
  add(messages: KafkaMessage[], keepAlive: KeepAlive): Promise<void> {
    if (this.size + messages.length > this.maxBatchSize) this.flush();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ messages, keepAlive, resolve, reject });
      this.size += messages.length;
      if (this.size >= this.maxBatchSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const taken = this.waiting;
    this.waiting = [];
    this.size = 0;
    this.scheduled = false;
    if (taken.length === 0) return;
    this.handle(
      taken.flatMap((w) => w.messages),
      taken[0].keepAlive,
    ).then(
      () => taken.forEach((w) => w.resolve()),
      (error: unknown) => taken.forEach((w) => w.reject(error)),
    );
  }
}
