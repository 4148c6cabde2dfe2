-- Agents' terminals (kiosks, shops' terminals): registered by an operator under a node with the
-- terminal's Ed25519 public key; every terminal request is signed with its private key.
CREATE TABLE "agents_billing"."agent_terminal" (
    "id" TEXT NOT NULL,
    "node_id" UUID NOT NULL,
    "public_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blocked_at" TIMESTAMPTZ(3),
    CONSTRAINT "agent_terminal_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_terminal_status_known" CHECK ("status" IN ('active', 'blocked')),
    CONSTRAINT "agent_terminal_node_fkey" FOREIGN KEY ("node_id") REFERENCES "agents_billing"."agent_node"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "agent_terminal_node_idx" ON "agents_billing"."agent_terminal"("node_id", "id");

-- The nonces of signed requests seen, kept until their request's timestamp leaves the accepted
-- window: a second request with one of them is a replay, whichever replica it reaches.
CREATE TABLE "agents_billing"."agent_terminal_nonce" (
    "terminal_id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "agent_terminal_nonce_pkey" PRIMARY KEY ("terminal_id", "nonce")
);
CREATE INDEX "agent_terminal_nonce_expiry_idx" ON "agents_billing"."agent_terminal_nonce"("expires_at");

-- A terminal's money-moving requests by their Idempotency-Key: the body's hash, the payment it
-- names, and the answer given (null until there is a final one), replayed to a retry.
CREATE TABLE "agents_billing"."agent_terminal_request" (
    "terminal_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "payment_id" UUID NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),
    CONSTRAINT "agent_terminal_request_pkey" PRIMARY KEY ("terminal_id", "idempotency_key"),
    CONSTRAINT "agent_terminal_request_terminal_fkey" FOREIGN KEY ("terminal_id") REFERENCES "agents_billing"."agent_terminal"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
