-- Payee gateways: a payee may name its gateway (base URL, its Ed25519 public key in PEM, a deadline
-- per call); a payee without one keeps the local check and payments posted at once. A payment to a
-- payee with a gateway is held in the ledger (pending transfers) until the payee answers: pending
-- (sent, outcome unknown: a status query resolves it), then posted or refused (the payee declined;
-- the held money went back to the agent).
ALTER TABLE "agents_billing"."payee"
    ADD COLUMN "gateway_base_url" TEXT,
    ADD COLUMN "gateway_public_key" TEXT,
    ADD COLUMN "gateway_deadline_ms" INTEGER,
    ADD CONSTRAINT "payee_gateway_whole" CHECK (
        ("gateway_base_url" IS NULL AND "gateway_public_key" IS NULL AND "gateway_deadline_ms" IS NULL)
        OR ("gateway_base_url" IS NOT NULL AND "gateway_public_key" IS NOT NULL AND "gateway_deadline_ms" BETWEEN 100 AND 60000));

ALTER TABLE "agents_billing"."agent_payment"
    DROP CONSTRAINT "agent_payment_status_known",
    ADD CONSTRAINT "agent_payment_status_known" CHECK ("status" IN ('reserved', 'pending', 'posted', 'refused')),
    ADD COLUMN "via_gateway" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "refusal_reason" TEXT,
    ADD COLUMN "refused_at" TIMESTAMPTZ(3),
    ADD COLUMN "gateway_attempts" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "gateway_unknown_cause" TEXT,
    ADD COLUMN "next_gateway_check_at" TIMESTAMPTZ(3);
CREATE INDEX "agent_payment_unresolved_idx" ON "agents_billing"."agent_payment"("next_gateway_check_at") WHERE "status" = 'pending';
