-- Alert rules as data: per kind and optionally per node subtree (node_id: the subtree's root; null:
-- every node), the thresholds of the conditions the service evaluates itself (low balance: available
-- below N minor units; limit nearly used: used >= P% of the credit limit or of the daily limit) and
-- the recipients (operators' emails, webhook URLs, "the node's dealer"). The most specific rule of a
-- kind applies; with none, the documented defaults do.
CREATE TABLE "agents_billing"."agent_alert_rule" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "node_id" UUID,
    "below_available" BIGINT,
    "credit_used_percent" INTEGER,
    "daily_used_percent" INTEGER,
    "recipients" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agent_alert_rule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_alert_rule_kind_known" CHECK ("kind" IN ('low-balance', 'limit-nearly-used', 'payee-gateway-down', 'registry-not-delivered', 'voucher-stock-low')),
    CONSTRAINT "agent_alert_rule_node_fkey" FOREIGN KEY ("node_id") REFERENCES "agents_billing"."agent_node"("id") ON DELETE CASCADE,
    CONSTRAINT "agent_alert_rule_percents" CHECK (("credit_used_percent" IS NULL OR "credit_used_percent" BETWEEN 1 AND 100)
        AND ("daily_used_percent" IS NULL OR "daily_used_percent" BETWEEN 1 AND 100))
);
-- One rule per kind and subtree (the everywhere rule has no node: the zero UUID stands for it here).
CREATE UNIQUE INDEX "agent_alert_rule_scope_key" ON "agents_billing"."agent_alert_rule"("kind", COALESCE("node_id", '00000000-0000-0000-0000-000000000000'::uuid));

-- Where a dealer (or any node) is told: the "dealer" recipient of a rule reads the dealer's row.
CREATE TABLE "agents_billing"."agent_node_alert_contact" (
    "node_id" UUID NOT NULL,
    "email" TEXT,
    "webhook_url" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agent_node_alert_contact_pkey" PRIMARY KEY ("node_id"),
    CONSTRAINT "agent_node_alert_contact_node_fkey" FOREIGN KEY ("node_id") REFERENCES "agents_billing"."agent_node"("id") ON DELETE CASCADE
);

-- Which openings, reminders and resolutions of an alert were turned into deliveries (the delivery
-- worker's planning marks: an alert is planned once per event, by whichever worker gets there first).
ALTER TABLE "agents_billing"."agent_alert" ADD COLUMN "raise_planned_at" TIMESTAMPTZ(3);
ALTER TABLE "agents_billing"."agent_alert" ADD COLUMN "remind_planned_at" TIMESTAMPTZ(3);
ALTER TABLE "agents_billing"."agent_alert" ADD COLUMN "resolve_planned_at" TIMESTAMPTZ(3);
CREATE INDEX "agent_alert_unplanned_idx" ON "agents_billing"."agent_alert"("raised_at") WHERE "raise_planned_at" IS NULL OR ("resolved_at" IS NOT NULL AND "resolve_planned_at" IS NULL);

-- One message per alert, recipient and event (raised, reminder, resolved): unique, so two workers or a restart
-- never send an opening twice; attempts, the next attempt and the last error are kept.
CREATE TABLE "agents_billing"."agent_alert_delivery" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agent_alert_delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_alert_delivery_alert_fkey" FOREIGN KEY ("alert_id") REFERENCES "agents_billing"."agent_alert"("id"),
    CONSTRAINT "agent_alert_delivery_event_known" CHECK ("event" IN ('raised', 'reminder', 'resolved')),
    CONSTRAINT "agent_alert_delivery_channel_known" CHECK ("channel" IN ('email', 'webhook')),
    CONSTRAINT "agent_alert_delivery_status_known" CHECK ("status" IN ('pending', 'delivered', 'failed', 'undeliverable'))
);
CREATE UNIQUE INDEX "agent_alert_delivery_once_key" ON "agents_billing"."agent_alert_delivery"("alert_id", "channel", "recipient", "event");
CREATE INDEX "agent_alert_delivery_due_idx" ON "agents_billing"."agent_alert_delivery"("next_attempt_at") WHERE "status" = 'pending';
