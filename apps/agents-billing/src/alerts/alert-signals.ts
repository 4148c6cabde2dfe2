import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { dateOf, jsonOf } from '../database/sql-values';
import type { Alert, AlertCondition, AlertEvent, AlertKind } from './alert';

const COLUMNS = `"id", "kind", "subject_id", "node_id", "summary", "facts", "raised_at", "last_seen_at", "times_seen", "resolved_at"`;

function alertOf(row: SqlRow): Alert {
  return {
    id: String(row.id),
    kind: row.kind as AlertKind,
    subjectId: String(row.subject_id),
    nodeId: (row.node_id as string | null) ?? null,
    summary: String(row.summary),
    facts: jsonOf<Alert['facts']>(row.facts),
    raisedAt: dateOf(row.raised_at),
    lastSeenAt: dateOf(row.last_seen_at),
    timesSeen: Number(row.times_seen),
    resolvedAt: row.resolved_at === null ? null : dateOf(row.resolved_at),
  };
}

/**
 * Where every part of the service raises and clears its alert conditions. One open alert per kind
 * and subject, in one statement: raising an open one again only counts it and refreshes its
 * summary and facts (so a condition seen on every payment is one alert, not thousands); clearing
 * resolves it, and the next raise opens a new one.
 */
@Injectable()
export class AlertSignals {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  async raise(condition: AlertCondition, now = new Date()): Promise<{ alert: Alert; opened: boolean }> {
    const [row] = await this.db.query(
      `INSERT INTO "agent_alert" AS a ("id", "kind", "subject_id", "node_id", "summary", "facts", "raised_at", "last_seen_at")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7)
       ON CONFLICT ("kind", "subject_id") WHERE "resolved_at" IS NULL DO UPDATE SET
         "summary" = EXCLUDED."summary", "facts" = EXCLUDED."facts", "node_id" = EXCLUDED."node_id",
         "last_seen_at" = GREATEST(a."last_seen_at", EXCLUDED."last_seen_at"), "times_seen" = a."times_seen" + 1
       RETURNING ${COLUMNS}, (a."xmax"::text = '0') AS "opened"`,
      [randomUUID(), condition.kind, condition.subjectId, condition.nodeId ?? null, condition.summary, JSON.stringify(condition.facts ?? {}), now],
    );
    return { alert: alertOf(row), opened: row.opened === true };
  }

  /** The condition cleared: its open alert (if any) is resolved. Returns it, or undefined when none was open. */
  async clear(kind: AlertKind, subjectId: string, now = new Date()): Promise<Alert | undefined> {
    const [row] = await this.db.query(
      `UPDATE "agent_alert" SET "resolved_at" = $3 WHERE "kind" = $1 AND "subject_id" = $2 AND "resolved_at" IS NULL RETURNING ${COLUMNS}`,
      [kind, subjectId, now],
    );
    return row ? alertOf(row) : undefined;
  }

  /** The open alerts, oldest first, keyset-paged by (raised_at, id). */
  async open(limit = 100, after?: { raisedAt: Date; id: string }): Promise<Alert[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "agent_alert" WHERE "resolved_at" IS NULL
         AND ($2::timestamptz IS NULL OR ("raised_at", "id") > ($2::timestamptz, $3::uuid))
       ORDER BY "raised_at", "id" LIMIT $1`,
      [limit, after?.raisedAt ?? null, after?.id ?? null],
    );
    return rows.map(alertOf);
  }

  async find(id: string): Promise<Alert | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "agent_alert" WHERE "id" = $1::uuid`, [id]);
    return row ? alertOf(row) : undefined;
  }

  /** The open alerts of these kinds about these subjects, in one statement (the balance pass's page of nodes). */
  async openAbout(kinds: readonly AlertKind[], subjectIds: readonly string[]): Promise<Alert[]> {
    if (subjectIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM "agent_alert" WHERE "resolved_at" IS NULL
         AND "kind" IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "subject_id" IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [JSON.stringify(kinds), JSON.stringify(subjectIds)],
    );
    return rows.map(alertOf);
  }

  /**
   * Alerts whose opening, reminder or resolution is not yet turned into deliveries, oldest first;
   * `event` names which. A reminder is due for an alert still open that was raised at or before
   * `remindBefore` (none when it is not given).
   */
  async unplanned(limit: number, remindBefore?: Date): Promise<{ alert: Alert; event: AlertEvent }[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS}, CASE WHEN "raise_planned_at" IS NULL THEN 'raised' WHEN "resolved_at" IS NOT NULL THEN 'resolved' ELSE 'reminder' END AS "event"
       FROM "agent_alert"
       WHERE "raise_planned_at" IS NULL OR ("resolved_at" IS NOT NULL AND "resolve_planned_at" IS NULL)
         OR ("resolved_at" IS NULL AND "remind_planned_at" IS NULL AND "raised_at" <= $2::timestamptz)
       ORDER BY "raised_at", "id" LIMIT $1`,
      [limit, remindBefore ?? null],
    );
    return rows.map((row) => ({ alert: alertOf(row), event: row.event as AlertEvent }));
  }

  /** The event's deliveries are written: the alert is not planned again for it. */
  async markPlanned(id: string, event: AlertEvent, now = new Date()): Promise<void> {
    const column = ({ raised: 'raise_planned_at', reminder: 'remind_planned_at', resolved: 'resolve_planned_at' } as const)[event];
    await this.db.execute(`UPDATE "agent_alert" SET "${column}" = $2 WHERE "id" = $1::uuid AND "${column}" IS NULL`, [id, now]);
  }
}
