import { type AgentsTransferPosted, agentsTransferPostedV1 } from '@payments/contracts';
import { type OutboxRow, OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { namedId } from '../accounts/named-id';

export const outbox = new OutboxWriter(schemaOf('agents-billing'));

/** A posted transfer as its event tells it (amounts as bigint here, text on the wire). */
export interface PostedTransferEvent extends Omit<AgentsTransferPosted, 'amount' | 'postedAt'> {
  readonly amount: bigint;
  readonly postedAt: Date;
}

/**
 * Writes `agents.ledger.transfer-posted.v1` for each transfer, in the caller's transaction. The
 * message id comes from the transfer id, so writing the same transfer's event again before the
 * relay sent it adds nothing.
 */
export async function addTransferPostedEvents(tx: SqlQueryRunner, events: readonly PostedTransferEvent[]): Promise<void> {
  for (const event of events) {
    const row = outbox.row(
      agentsTransferPostedV1,
      { ...event, amount: event.amount.toString(), postedAt: event.postedAt.toISOString() },
      { key: event.nodeId, id: namedId(`event:${event.transferId}`) },
    );
    await insertOutboxRow(tx, row);
  }
}

/** Writes one outbox row in the caller's transaction and wakes the relay; a row whose id is there already adds nothing. */
export async function insertOutboxRow(tx: SqlQueryRunner, row: OutboxRow): Promise<void> {
  await tx.query(
    `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
      VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) ON CONFLICT ("id") DO NOTHING RETURNING 1) SELECT pg_notify('${row.channel}', '') FROM "written"`,
    [row.id, row.topic, row.key, row.payload, row.headers],
  );
}
