import { Message, Producer, TopicMessages } from 'kafkajs';

interface Queued {
  readonly topic: string;
  readonly message: Message;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

type BatchSender = Pick<Producer, 'sendBatch'>;

/**
 * The idempotent producer keeps one request in flight, so messages are not sent one request
 * each: those queued while a request is in flight go together in the next one (Kafka's linger,
 * without a fixed delay; an idle producer sends at once). Order is kept, and each caller learns
 * the fate of its own message.
 */
export class ProduceBatcher {
  private queue: Queued[] = [];
  private flushing = false;

  constructor(
    private readonly producer: BatchSender,
    private readonly maxBatch = 500,
  ) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: byTopic(batch) });
        for (const queued of batch) queued.resolve();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const queued of batch) queued.reject(failure);
      }
    }
    this.flushing = false;
  }
}

/** Messages grouped by topic, each topic's in the order they were sent. */
function byTopic(batch: readonly Queued[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, message } of batch) {
    const messages = topics.get(topic);
    if (messages) messages.push(message);
    else topics.set(topic, [message]);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
