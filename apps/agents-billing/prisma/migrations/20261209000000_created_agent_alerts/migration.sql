-- Alerts to operators and dealers. A condition (a low balance, a limit nearly used, a payee
-- gateway down, a registry not delivered, a voucher stock low) is raised on its subject; while it
-- is open, raising it again only counts and refreshes it (one open alert per kind and subject),
-- and it is resolved when the condition clears. Delivery (email, webhook) reads this table.
CREATE TABLE "agents_billing"."agent_alert" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "node_id" UUID,
    "summary" TEXT NOT NULL,
    "facts" JSONB NOT NULL DEFAULT '{}',
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "times_seen" INTEGER NOT NULL DEFAULT 1,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "agent_alert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_alert_kind_known" CHECK ("kind" IN ('low-balance', 'limit-nearly-used', 'payee-gateway-down', 'registry-not-delivered', 'voucher-stock-low'))
);
CREATE UNIQUE INDEX "agent_alert_open_key" ON "agents_billing"."agent_alert"("kind", "subject_id") WHERE "resolved_at" IS NULL;
CREATE INDEX "agent_alert_raised_idx" ON "agents_billing"."agent_alert"("raised_at", "id");
