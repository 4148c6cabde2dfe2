import { type AgentsCashPosted, agentsCashPostedV1 } from '@payments/contracts';
import { OutboxWriter } from '@payments/messaging';
import type { SqlQueryRunner } from '@payments/persistence';
import { schemaOf } from '@payments/runtime';

import { namedId } from '../accounts/named-id';

const outbox = new OutboxWriter(schemaOf('agents-billing'));

/** A change or voucher posting as its event tells it (the amount as bigint here, text on the wire). */
export interface CashPostedEvent extends Omit<AgentsCashPosted, 'amount' | 'postedAt'> {
  readonly amount: bigint;
  readonly postedAt: Date;
}

/**
 * Writes `agents.ledger.cash-posted.v1` in the caller's transaction (or alone). The message id comes
 * from the transfer id: writing the same transfer's event again before the relay sent it adds nothing.
 */
export async function addCashPostedEvent(runner: SqlQueryRunner, event: CashPostedEvent): Promise<void> {
  const row = outbox.row(
    agentsCashPostedV1,
    { ...event, amount: event.amount.toString(), postedAt: event.postedAt.toISOString() },
    { key: event.nodeId, id: namedId(`cash-event:${event.transferId}`) },
  );
  await runner.query(
    `WITH "written" AS (INSERT INTO "outbox_message" ("id", "topic", "message_key", "payload", "headers")
      VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb) ON CONFLICT ("id") DO NOTHING RETURNING 1) SELECT pg_notify('${row.channel}', '') FROM "written"`,
    [row.id, row.topic, row.key, row.payload, row.headers],
  );
}
