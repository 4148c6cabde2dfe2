-- Every antifraud decision, with the rules that made it; one per transaction.
CREATE SCHEMA IF NOT EXISTS "antifraud";

CREATE TABLE "antifraud"."decision" (
    "transaction_id" UUID NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "response_code" TEXT,
    "reasons" JSONB NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "decision_pkey" PRIMARY KEY ("transaction_id")
);
CREATE INDEX "decision_terminal_id_decided_at_idx" ON "antifraud"."decision"("terminal_id", "decided_at");
