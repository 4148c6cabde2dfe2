-- Cashier prompts: an operation that waits for the cashier (confirm the card's last 4 digits,
-- key in the original RRN, accept a partial approval). `context` holds what the operation needs
-- to go on (for a card check, the PIN pad's still-encrypted card block) and is erased when the
-- prompt closes: answered or expired.
CREATE TABLE "authorization"."cashier_prompt" (
    "id" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'answered', 'expired')),
    "answer" TEXT,
    "context" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "cashier_prompt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cashier_prompt_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "authorization"."transaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "cashier_prompt_status_expires_at_idx" ON "authorization"."cashier_prompt"("status", "expires_at");
CREATE INDEX "cashier_prompt_transaction_id_idx" ON "authorization"."cashier_prompt"("transaction_id");
