-- The agents' ledger and tree. The ledger's tables are those of @payments/ledger (ledgerSchemaSql()),
-- qualified with this service's schema. The first migration's "ledger_account" table was never
-- used by any code (a placeholder until the ledger existed): it is dropped.
DROP TABLE "agents_billing"."ledger_account";

CREATE TABLE "agents_billing"."ledger_account_balance" (
    "id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "debits_must_not_exceed_credits" BOOLEAN NOT NULL DEFAULT false,
    "credit_limit" BIGINT NOT NULL DEFAULT 0,
    "credits_must_not_exceed_debits" BOOLEAN NOT NULL DEFAULT false,
    "debits_pending" BIGINT NOT NULL DEFAULT 0,
    "debits_posted" BIGINT NOT NULL DEFAULT 0,
    "credits_pending" BIGINT NOT NULL DEFAULT 0,
    "credits_posted" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_account_balance_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_account_balance_not_negative" CHECK ("credit_limit" >= 0 AND "debits_pending" >= 0 AND "debits_posted" >= 0 AND "credits_pending" >= 0 AND "credits_posted" >= 0),
    CONSTRAINT "ledger_account_balance_debits_within_credits" CHECK (NOT "debits_must_not_exceed_credits" OR "debits_pending" + "debits_posted" <= "credits_posted" + "credit_limit"),
    CONSTRAINT "ledger_account_balance_credits_within_debits" CHECK (NOT "credits_must_not_exceed_debits" OR "credits_pending" + "credits_posted" <= "debits_posted")
);

-- One row per transfer, never updated nor deleted; each side's balances right after it make the
-- account history and the balance at any point in time one index lookup. No foreign keys to the
-- accounts: they would double the cost of an insert, and the statement that writes a transfer also
-- updates both its accounts (compare and set, counted), which proves they exist; accounts are never
-- deleted (trigger below).
CREATE TABLE "agents_billing"."ledger_transfer" (
    "sequence" BIGINT GENERATED ALWAYS AS IDENTITY,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "debit_account_id" UUID NOT NULL,
    "credit_account_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "pending_id" UUID,
    "expires_at" TIMESTAMPTZ(3),
    "reference" TEXT,
    "request_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "debit_debits_pending" BIGINT NOT NULL,
    "debit_debits_posted" BIGINT NOT NULL,
    "debit_credits_pending" BIGINT NOT NULL,
    "debit_credits_posted" BIGINT NOT NULL,
    "credit_debits_pending" BIGINT NOT NULL,
    "credit_debits_posted" BIGINT NOT NULL,
    "credit_credits_pending" BIGINT NOT NULL,
    "credit_credits_posted" BIGINT NOT NULL,
    CONSTRAINT "ledger_transfer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_transfer_type_known" CHECK ("type" IN ('posted', 'pending', 'post', 'void', 'expire')),
    CONSTRAINT "ledger_transfer_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "ledger_transfer_two_accounts" CHECK ("debit_account_id" <> "credit_account_id")
);
-- A pending transfer is posted, voided or expired once at most.
CREATE UNIQUE INDEX "ledger_transfer_pending_id_key" ON "agents_billing"."ledger_transfer"("pending_id") WHERE "pending_id" IS NOT NULL;
CREATE INDEX "ledger_transfer_debit_history_idx" ON "agents_billing"."ledger_transfer"("debit_account_id", "sequence");
CREATE INDEX "ledger_transfer_credit_history_idx" ON "agents_billing"."ledger_transfer"("credit_account_id", "sequence");

-- The reservations still open: the expiry sweep reads only these.
CREATE TABLE "agents_billing"."ledger_pending_open" (
    "pending_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    CONSTRAINT "ledger_pending_open_pkey" PRIMARY KEY ("pending_id")
);
CREATE INDEX "ledger_pending_open_expires_at_idx" ON "agents_billing"."ledger_pending_open"("expires_at") WHERE "expires_at" IS NOT NULL;

-- Corrections are new transfers: the database refuses to change or remove one, or an account.
CREATE FUNCTION "agents_billing"."ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable: correct with a new transfer', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER "ledger_transfer_immutable" BEFORE UPDATE OR DELETE ON "agents_billing"."ledger_transfer"
    FOR EACH ROW EXECUTE FUNCTION "agents_billing"."ledger_refuse_change"();
CREATE TRIGGER "ledger_account_balance_kept" BEFORE DELETE ON "agents_billing"."ledger_account_balance"
    FOR EACH ROW EXECUTE FUNCTION "agents_billing"."ledger_refuse_change"();

-- The tree of dealers, agents and sub-agents (any depth). Each node has its own ledger account
-- (debits within credits + credit_limit) and a commission account (the commissions it earned).
CREATE TABLE "agents_billing"."agent_node" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "level" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "credit_limit" BIGINT NOT NULL DEFAULT 0,
    "payment_limit" BIGINT,
    "daily_limit" BIGINT,
    "ledger_account_id" UUID NOT NULL,
    "commission_account_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agent_node_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_node_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "agents_billing"."agent_node"("id"),
    CONSTRAINT "agent_node_level_known" CHECK ("level" IN ('dealer', 'agent', 'sub-agent')),
    CONSTRAINT "agent_node_dealer_is_root" CHECK (("level" = 'dealer') = ("parent_id" IS NULL)),
    CONSTRAINT "agent_node_status_known" CHECK ("status" IN ('active', 'blocked')),
    CONSTRAINT "agent_node_limits_not_negative" CHECK ("credit_limit" >= 0 AND coalesce("payment_limit", 0) >= 0 AND coalesce("daily_limit", 0) >= 0)
);
CREATE INDEX "agent_node_parent_id_idx" ON "agents_billing"."agent_node"("parent_id", "created_at");
CREATE UNIQUE INDEX "agent_node_ledger_account_id_key" ON "agents_billing"."agent_node"("ledger_account_id");

-- Commissions per payee and level: a percent in basis points plus a fixed part, or the tier of the
-- amount (the tier with the greatest from_amount at most the amount), clamped to min and max.
CREATE TABLE "agents_billing"."commission_plan" (
    "payee_id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "percent_basis_points" INTEGER NOT NULL DEFAULT 0,
    "fixed" BIGINT NOT NULL DEFAULT 0,
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "min" BIGINT,
    "max" BIGINT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "commission_plan_pkey" PRIMARY KEY ("payee_id", "level"),
    CONSTRAINT "commission_plan_level_known" CHECK ("level" IN ('dealer', 'agent', 'sub-agent')),
    CONSTRAINT "commission_plan_amounts_not_negative" CHECK ("percent_basis_points" >= 0 AND "fixed" >= 0 AND coalesce("min", 0) >= 0 AND coalesce("max", 0) >= 0)
);

-- An agent's payment for a payee: reserved (counted against the daily limit) under the node's row
-- lock, then posted as one linked chain; the decided chain is kept so a retry posts the same one.
CREATE TABLE "agents_billing"."agent_payment" (
    "id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "payee_id" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "request_hash" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "transfers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(3),
    CONSTRAINT "agent_payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_payment_node_fkey" FOREIGN KEY ("node_id") REFERENCES "agents_billing"."agent_node"("id"),
    CONSTRAINT "agent_payment_status_known" CHECK ("status" IN ('reserved', 'posted')),
    CONSTRAINT "agent_payment_amount_positive" CHECK ("amount" > 0)
);
CREATE INDEX "agent_payment_node_day_idx" ON "agents_billing"."agent_payment"("node_id", "business_day");

-- The service's outbox, as the relay of @payments/runtime reads it.
CREATE TABLE "agents_billing"."outbox_message" (
    "id" UUID PRIMARY KEY, "topic" TEXT NOT NULL, "message_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL, "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(), "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0, "last_error" TEXT);
CREATE INDEX "outbox_message_unpublished_idx" ON "agents_billing"."outbox_message" ("created_at") WHERE "published_at" IS NULL;
