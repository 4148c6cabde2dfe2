-- Netting between each child and its parent, per closed UTC day: the child's commissions of the
-- day set off against the fundings its parent gave it that day. One row per (child, day), decided
-- once from the day's ledger transfers (a closed day never changes), then settled by one ledger
-- transfer (the child's commission account to the parent's account) whose id comes from the row.
CREATE TABLE "agents_billing"."agent_settlement" (
    "child_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "parent_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "fundings" BIGINT NOT NULL,
    "commissions" BIGINT NOT NULL,
    "transfer_id" UUID,
    "status" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    CONSTRAINT "agent_settlement_pkey" PRIMARY KEY ("child_id", "day"),
    CONSTRAINT "agent_settlement_amounts_not_negative" CHECK ("fundings" >= 0 AND "commissions" >= 0),
    CONSTRAINT "agent_settlement_status_known" CHECK ("status" IN ('decided', 'settled')),
    CONSTRAINT "agent_settlement_transfer_when_commissions" CHECK (("commissions" = 0) = ("transfer_id" IS NULL))
);
CREATE INDEX "agent_settlement_parent_day_idx" ON "agents_billing"."agent_settlement"("parent_id", "day");

-- The days whose netting is complete: the pass goes on from the day after the last one.
CREATE TABLE "agents_billing"."agent_netting_day" (
    "day" DATE NOT NULL,
    "settlements" INTEGER NOT NULL,
    "netted_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "agent_netting_day_pkey" PRIMARY KEY ("day")
);
