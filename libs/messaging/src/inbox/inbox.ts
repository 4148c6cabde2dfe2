import { assertSchemaName, SqlExecutor, TransactionalSqlExecutor } from '@payments/persistence';

import { Envelope } from '../message-bus.port';

/** Processed message ids per consumer: a redelivered message finds its id and has no second effect. */
export class Inbox {
  private readonly insert: string;

  constructor(schema: string) {
    this.insert = `INSERT INTO "${assertSchemaName(schema)}"."inbox_message" ("message_id", "consumer") VALUES ($1, $2) ON CONFLICT DO NOTHING`;
  }

  /** True the first time (message, consumer) is recorded; false when it was already processed. */
  async record(tx: SqlExecutor, messageId: string, consumer: string): Promise<boolean> {
    if (!messageId) throw new Error(`inbox of ${consumer}: messageId is empty (message without a message-id header?)`);
    return (await tx.$executeRawUnsafe(this.insert, messageId, consumer)) > 0;
  }
}

/**
 * Runs `effect` and records the message in the inbox in ONE transaction; a duplicate is skipped.
 * The record goes first: a concurrent duplicate waits on the primary key and then sees the
 * conflict, so exactly one effect commits. Returns false when the message was a duplicate.
 */
export function runOnce<T>(
  db: TransactionalSqlExecutor,
  inbox: Inbox,
  envelope: Envelope<T>,
  consumer: string,
  effect: (tx: SqlExecutor) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await inbox.record(tx, envelope.id, consumer))) return false;
    await effect(tx);
    return true;
  });
}
