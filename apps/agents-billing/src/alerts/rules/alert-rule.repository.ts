import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../../database/agents-billing-db.provider';
import { dateOf, jsonOf, optionalBigInt } from '../../database/sql-values';
import type { AlertKind } from '../alert';
import type { AlertRecipient, AlertRule, AlertRuleDefinition } from './alert-rule';

const COLUMNS = `"id", "kind", "node_id", "below_available"::text AS "below_available", "credit_used_percent", "daily_used_percent", "recipients", "created_at", "updated_at"`;
/** PostgreSQL's unique_violation (SQLSTATE 23505), as both drivers report it: here only the rule's scope (kind, subtree) can be taken. */
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';
/** foreign_key_violation (23503): the rule's node does not exist. */
const isForeignKeyViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23503';

const percentOf = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function ruleOf(row: SqlRow): AlertRule {
  return {
    id: String(row.id),
    kind: row.kind as AlertKind,
    nodeId: (row.node_id as string | null) ?? null,
    belowAvailable: optionalBigInt(row.below_available),
    creditUsedPercent: percentOf(row.credit_used_percent),
    dailyUsedPercent: percentOf(row.daily_used_percent),
    recipients: jsonOf<AlertRecipient[]>(row.recipients),
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
  };
}

const valuesOf = (rule: AlertRuleDefinition) => [
  rule.kind,
  rule.nodeId,
  rule.belowAvailable?.toString() ?? null,
  rule.creditUsedPercent,
  rule.dailyUsedPercent,
  JSON.stringify(rule.recipients),
];

export type RuleWrite = { kind: 'stored'; rule: AlertRule } | { kind: 'scope-taken' } | { kind: 'unknown-node' } | { kind: 'not-found' };

/** The alert rules: the only code that touches agent_alert_rule. */
@Injectable()
export class AlertRuleRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  async create(rule: AlertRuleDefinition): Promise<RuleWrite> {
    return this.written(() =>
      this.db.query(
        `INSERT INTO "agent_alert_rule" ("id", "kind", "node_id", "below_available", "credit_used_percent", "daily_used_percent", "recipients")
         VALUES ($7, $1, $2, $3::bigint, $4, $5, $6::jsonb) RETURNING ${COLUMNS}`,
        [...valuesOf(rule), randomUUID()],
      ),
    );
  }

  async replace(id: string, rule: AlertRuleDefinition): Promise<RuleWrite> {
    return this.written(() =>
      this.db.query(
        `UPDATE "agent_alert_rule" SET "kind" = $1, "node_id" = $2, "below_available" = $3::bigint, "credit_used_percent" = $4,
           "daily_used_percent" = $5, "recipients" = $6::jsonb, "updated_at" = CURRENT_TIMESTAMP
         WHERE "id" = $7::uuid RETURNING ${COLUMNS}`,
        [...valuesOf(rule), id],
      ),
    );
  }

  async find(id: string): Promise<AlertRule | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "agent_alert_rule" WHERE "id" = $1::uuid`, [id]);
    return row ? ruleOf(row) : undefined;
  }

  /** Every rule, by kind then subtree (a deployment holds tens, not thousands: each pass reads them whole). */
  async all(): Promise<AlertRule[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM "agent_alert_rule" ORDER BY "kind", "node_id" NULLS FIRST, "id"`);
    return rows.map(ruleOf);
  }

  /** True when a rule was deleted. */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM "agent_alert_rule" WHERE "id" = $1::uuid RETURNING "id"`, [id]);
    return rows.length > 0;
  }

  private async written(write: () => Promise<SqlRow[]>): Promise<RuleWrite> {
    try {
      const [row] = await write();
      return row ? { kind: 'stored', rule: ruleOf(row) } : { kind: 'not-found' };
    } catch (error) {
      if (isUniqueViolation(error)) return { kind: 'scope-taken' };
      if (isForeignKeyViolation(error)) return { kind: 'unknown-node' };
      throw error;
    }
  }
}
