import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../../database/agents-billing-db.provider';
import { dateOf } from '../../database/sql-values';
import type { AlertEvent } from '../alert';
import type { AlertAddress, AlertChannel } from '../rules/alert-recipients';
import type { AlertDelivery, DeliveryStatus } from './alert-delivery';

const COLUMNS = `"id", "alert_id", "event", "channel", "recipient", "status", "attempts", "next_attempt_at", "last_error", "delivered_at", "created_at"`;

function deliveryOf(row: SqlRow): AlertDelivery {
  return {
    id: String(row.id),
    alertId: String(row.alert_id),
    event: row.event as AlertEvent,
    channel: row.channel as AlertChannel,
    recipient: String(row.recipient),
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: dateOf(row.next_attempt_at),
    lastError: (row.last_error as string | null) ?? null,
    deliveredAt: row.delivered_at === null ? null : dateOf(row.delivered_at),
    createdAt: dateOf(row.created_at),
  };
}

/** An address to plan, with the reason it cannot be delivered when its channel is not configured. */
export type PlannedAddress = AlertAddress & { readonly undeliverable?: string };

/** The alerts' deliveries: the only code that touches agent_alert_delivery. */
@Injectable()
export class AlertDeliveryRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /**
   * One delivery per address for the alert's event, in one statement; an address already planned
   * for it is left as it is (unique alert, channel, recipient, event), so planning twice (two
   * workers, a restart) sends nothing twice.
   */
  async plan(alertId: string, event: AlertEvent, addresses: readonly PlannedAddress[], now: Date): Promise<void> {
    if (addresses.length === 0) return;
    const rows = addresses.map((a) => ({ id: randomUUID(), channel: a.channel, recipient: a.recipient, undeliverable: a.undeliverable ?? null }));
    await this.db.execute(
      `INSERT INTO "agent_alert_delivery" ("id", "alert_id", "event", "channel", "recipient", "status", "last_error", "next_attempt_at")
       SELECT r."id", $1::uuid, $2, r."channel", r."recipient", CASE WHEN r."undeliverable" IS NULL THEN 'pending' ELSE 'undeliverable' END, r."undeliverable", $4
       FROM jsonb_to_recordset($3::jsonb) AS r("id" uuid, "channel" text, "recipient" text, "undeliverable" text)
       ON CONFLICT ("alert_id", "channel", "recipient", "event") DO NOTHING`,
      [alertId, event, JSON.stringify(rows), now],
    );
  }

  /**
   * Takes up to `limit` due deliveries for `leaseMs` and counts the attempt, skipping rows another
   * worker holds; a reminder or a resolved message waits while the same recipient's raised one is pending.
   */
  async claim(now: Date, leaseMs: number, limit: number): Promise<AlertDelivery[]> {
    const rows = await this.db.query(
      `UPDATE "agent_alert_delivery" SET "claimed_until" = $2, "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT x."id" FROM "agent_alert_delivery" x
         WHERE x."status" = 'pending' AND x."next_attempt_at" <= $1 AND (x."claimed_until" IS NULL OR x."claimed_until" <= $1)
           AND NOT (x."event" <> 'raised' AND EXISTS (SELECT 1 FROM "agent_alert_delivery" r WHERE r."alert_id" = x."alert_id"
             AND r."channel" = x."channel" AND r."recipient" = x."recipient" AND r."event" = 'raised' AND r."status" = 'pending'))
         ORDER BY x."next_attempt_at" LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map(deliveryOf);
  }

  async delivered(id: string, now: Date): Promise<void> {
    await this.db.execute(
      `UPDATE "agent_alert_delivery" SET "status" = 'delivered', "delivered_at" = $2, "claimed_until" = NULL WHERE "id" = $1::uuid AND "status" = 'pending'`,
      [id, now],
    );
  }

  /** A failed attempt: tried again at `retryAt`, or given up (`failed`) when there is none. */
  async attemptFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db.execute(
      `UPDATE "agent_alert_delivery" SET "last_error" = $2, "claimed_until" = NULL,
         "status" = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, "next_attempt_at" = COALESCE($3::timestamptz, "next_attempt_at")
       WHERE "id" = $1::uuid AND "status" = 'pending'`,
      [id, error.slice(0, 500), retryAt],
    );
  }

  /** An alert's deliveries, oldest first. */
  async ofAlert(alertId: string): Promise<AlertDelivery[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "agent_alert_delivery" WHERE "alert_id" = $1::uuid ORDER BY "created_at", "event", "channel", "recipient"`,
      [alertId],
    );
    return rows.map(deliveryOf);
  }

  /** When the next pending delivery falls due (for the worker's next pass), or undefined when none is pending. */
  async nextDue(): Promise<Date | undefined> {
    const [row] = await this.db.query(
      `SELECT min(GREATEST(COALESCE("claimed_until", "next_attempt_at"), "next_attempt_at")) AS "due" FROM "agent_alert_delivery" WHERE "status" = 'pending'`,
    );
    return row?.due ? dateOf(row.due) : undefined;
  }
}
