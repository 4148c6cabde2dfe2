import { parseMessage, TopicContract } from '@payments/contracts';
import { assertSchemaName, SqlExecutor } from '@payments/persistence';

import { isUuid, newTimeOrderedId } from '../core/message-id.util';
import { withTraceContext } from '../core/trace-context.util';
import { Headers, PublishOptions } from '../message-bus.port';
import { outboxChannelOf } from './outbox-channel.util';

/**
 * Writes an event into the outbox in the caller's transaction, so the state change and the
 * event commit together or not at all (ARCHITECTURE.md, transactional outbox).
 */
export class OutboxWriter {
  private readonly insert: string;

  constructor(schema: string) {
    // One statement: the row, and a NOTIFY that PostgreSQL delivers to the relay when the caller's transaction commits.
    this.insert =
      `WITH "written" AS (INSERT INTO "${assertSchemaName(schema)}"."outbox_message" ("id", "topic", "message_key", "payload", "headers") ` +
      `VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) RETURNING 1) SELECT pg_notify('${outboxChannelOf(schema)}', '') FROM "written"`;
  }

  /** Validates, captures the current trace context, inserts; returns the message id. */
  async add<T>(tx: SqlExecutor, topic: TopicContract<T>, value: T, options: PublishOptions): Promise<string> {
    const valid = parseMessage(topic.name, topic.schema, value);
    if (!options.key) throw new Error(`outbox message on ${topic.name}: options.key (the aggregate id) is required`);
    if (options.id !== undefined && !isUuid(options.id)) throw new Error(`outbox message on ${topic.name}: options.id must be a uuid, got "${options.id}"`);
    // Time-ordered ids keep insertion order among rows sharing one transaction's created_at.
    const id = options.id ?? newTimeOrderedId();
    const headers = { ...withTraceContext({ ...options.headers }), [Headers.messageId]: id };
    await tx.$executeRawUnsafe(this.insert, id, topic.name, options.key, JSON.stringify(valid), JSON.stringify(headers));
    return id;
  }
}
