import { parseMessage, TopicContract } from '@payments/contracts';
import { assertSchemaName, SqlExecutor } from '@payments/persistence';

import { isUuid, newTimeOrderedId } from '../core/message-id.util';
import { withTraceContext } from '../core/trace-context.util';
import { Headers, PublishOptions } from '../message-bus.port';
import { outboxChannelOf } from './outbox-channel.util';

/** An outbox row as `add()` inserts it: validated, with its trace headers (JSON text for jsonb parameters). */
export interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly payload: string;
  readonly headers: string;
  /** The channel whose NOTIFY wakes the relay when the row commits. */
  readonly channel: string;
}

/**
 * Writes an event into the outbox in the caller's transaction, so the state change and the
 * event commit together or not at all (ARCHITECTURE.md, transactional outbox).
 */
export class OutboxWriter {
  private readonly insert: string;
  private readonly channel: string;

  constructor(schema: string) {
    this.channel = outboxChannelOf(schema);
    // One statement: the row, and a NOTIFY that PostgreSQL delivers to the relay when the caller's transaction commits.
    this.insert =
      `WITH "written" AS (INSERT INTO "${assertSchemaName(schema)}"."outbox_message" ("id", "topic", "message_key", "payload", "headers") ` +
      `VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${this.channel}', '') FROM "written"`;
  }

  /** Validates, captures the current trace context, inserts; returns the message id. */
  async add<T>(tx: SqlExecutor, topic: TopicContract<T>, value: T, options: PublishOptions): Promise<string> {
    const row = this.row(topic, value, options);
    await tx.$executeRawUnsafe(this.insert, row.id, row.topic, row.key, row.payload, row.headers);
    return row.id;
  }

  /**
   * The row `add()` would insert (validated, with the current trace context), for a statement of
   * the caller's own that inserts it together with its state change.
   */
  row<T>(topic: TopicContract<T>, value: T, options: PublishOptions): OutboxRow {
    const valid = parseMessage(topic.name, topic.schema, value);
    if (!options.key) throw new Error(`outbox message on ${topic.name}: options.key (the aggregate id) is required`);
    if (options.id !== undefined && !isUuid(options.id)) throw new Error(`outbox message on ${topic.name}: options.id must be a uuid, got "${options.id}"`);
    // Time-ordered ids keep insertion order among rows sharing one transaction's created_at.
    const id = options.id ?? newTimeOrderedId();
    const headers = { ...withTraceContext({ ...options.headers }), [Headers.messageId]: id };
    return { id, topic: topic.name, key: options.key, payload: JSON.stringify(valid), headers: JSON.stringify(headers), channel: this.channel };
  }
}
