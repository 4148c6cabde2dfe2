import { MessageHeaders } from '../message-bus.port';

/** A message as a transport hands it over: decoded from the wire, not yet validated. */
export interface RawMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: unknown;
  readonly headers: MessageHeaders;
  readonly timestamp: number;
  /** Why the transport could not decode the value (not JSON, ...): such a message goes to the DLT. */
  readonly malformed?: string;
  /** The bytes as received, so a dead letter keeps them exactly. */
  readonly encoded?: Buffer;
}

/** A message to put on a topic. `value` is JSON-serialisable unless `encoded` is given. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: unknown;
  readonly headers: MessageHeaders;
  readonly encoded?: Buffer;
}

export type RawMessageHandler = (message: RawMessage) => Promise<void>;

/** Keeps the transport's claim on a long batch alive (Kafka: a heartbeat to the group). */
export type KeepAlive = () => Promise<void>;

/** Settles a batch of raw messages (handled or dead-lettered), calling keepAlive between long steps. */
export type RawBatchHandler = (messages: readonly RawMessage[], keepAlive: KeepAlive) => Promise<void>;

/** How a transport cuts batches for one batch subscription. */
export interface BatchLimits {
  readonly maxBatchSize: number;
  readonly lingerMs: number;
}
