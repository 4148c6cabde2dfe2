-- A payment through a payee's gateway keeps the gateway it was sent to (base URL, public key,
-- deadline), copied from the payee when it is reserved: its status queries and resends go there,
-- and verify that gateway's key, even once an operator points the payee at another gateway.
-- Payments reserved before this migration have none and use the payee's current gateway.
ALTER TABLE "agents_billing"."agent_payment"
    ADD COLUMN "gateway_base_url" TEXT,
    ADD COLUMN "gateway_public_key" TEXT,
    ADD COLUMN "gateway_deadline_ms" INTEGER;
