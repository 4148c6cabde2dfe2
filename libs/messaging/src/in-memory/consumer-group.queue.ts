import { BusLogger } from '../core/bus-logger';
import { RawMessage, RawMessageHandler } from '../core/raw-message';

/**
 * One consumer group on one topic: a lane per message key, lanes drained independently, so order
 * holds per key and a message being retried holds back only its own key. Several handlers in a
 * group share the keys between them, as Kafka shares partitions.
 */
export class ConsumerGroupQueue {
  private readonly members: RawMessageHandler[] = [];
  private readonly lanes = new Map<string, RawMessage[]>();
  private readonly draining = new Set<string>();
  private running = false;

  constructor(
    private readonly topic: string,
    private readonly group: string,
    private readonly logger: BusLogger,
    private readonly onSettled: () => void,
  ) {}

  join(handler: RawMessageHandler): void {
    this.members.push(handler);
  }

  enqueue(message: RawMessage): void {
    const lane = this.lanes.get(message.key);
    if (lane) lane.push(message);
    else this.lanes.set(message.key, [message]);
    this.schedule(message.key);
  }

  /** Messages waiting in the lanes (not counting the one each lane is handling). */
  depth(): number {
    let waiting = 0;
    for (const lane of this.lanes.values()) waiting += lane.length;
    return waiting;
  }

  resume(): void {
    this.running = true;
    for (const key of this.lanes.keys()) this.schedule(key);
  }

  private schedule(key: string): void {
    if (!this.running || this.draining.has(key) || this.members.length === 0) return;
    this.draining.add(key);
    // Never inside the publisher's call stack: delivery starts on a later turn of the event loop.
    setImmediate(() => void this.drain(key));
  }

  private async drain(key: string): Promise<void> {
    const lane = this.lanes.get(key) ?? [];
    const handler = this.members[hashOf(key) % this.members.length];
    for (let message = lane.shift(); message; message = lane.shift()) {
      try {
        await handler(message);
      } catch (error) {
        // Only a failed dead-letter send lands here; the in-memory DLT fails only after stop().
        this.logger.error('message could not be delivered or dead-lettered', { topic: this.topic, group: this.group, key, error: String(error) });
      } finally {
        this.onSettled();
      }
    }
    this.lanes.delete(key);
    this.draining.delete(key);
  }
}

function hashOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) >>> 0;
  return hash;
}
