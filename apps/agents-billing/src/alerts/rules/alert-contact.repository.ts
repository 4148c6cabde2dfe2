import { Inject, Injectable } from '@nestjs/common';

import type { SqlRow } from '@payments/persistence';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../../database/agents-billing-db.provider';
import type { NodeAlertContact } from './alert-recipients';

const contactOf = (row: SqlRow): NodeAlertContact => ({
  nodeId: String(row.node_id),
  email: (row.email as string | null) ?? null,
  webhookUrl: (row.webhook_url as string | null) ?? null,
});

/** Where each node (its dealer, for a rule's "dealer" recipient) is told: the only code that touches agent_node_alert_contact. */
@Injectable()
export class AlertContactRepository {
  constructor(@Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb) {}

  /** Sets the node's contact whole (the node must exist: the foreign key refuses an unknown one). */
  async put(contact: NodeAlertContact): Promise<NodeAlertContact> {
    const [row] = await this.db.query(
      `INSERT INTO "agent_node_alert_contact" ("node_id", "email", "webhook_url") VALUES ($1::uuid, $2, $3)
       ON CONFLICT ("node_id") DO UPDATE SET "email" = EXCLUDED."email", "webhook_url" = EXCLUDED."webhook_url", "updated_at" = CURRENT_TIMESTAMP
       RETURNING "node_id", "email", "webhook_url"`,
      [contact.nodeId, contact.email, contact.webhookUrl],
    );
    return contactOf(row);
  }

  /** The contacts of these nodes, by node id (a node without one is absent). */
  async of(nodeIds: readonly string[]): Promise<Map<string, NodeAlertContact>> {
    if (nodeIds.length === 0) return new Map();
    const rows = await this.db.query(
      `SELECT "node_id", "email", "webhook_url" FROM "agent_node_alert_contact" WHERE "node_id" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
      [JSON.stringify([...new Set(nodeIds)])],
    );
    return new Map(rows.map((row) => [String(row.node_id), contactOf(row)]));
  }
}
