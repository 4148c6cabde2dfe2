-- Every register operation in the journal: follow-ups name their original, preauthorizations
-- carry their hold, and each row belongs to a terminal batch that close day reconciles.
ALTER TABLE "authorization"."transaction"
  ADD COLUMN "batch_number" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "original_id" UUID,
  ADD COLUMN "host_mti" TEXT,
  ADD COLUMN "processing_code" TEXT,
  ADD COLUMN "returned_minor" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "completed_minor" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "expires_at" TIMESTAMPTZ(3),
  ADD COLUMN "balance_minor" BIGINT,
  ADD CONSTRAINT "transaction_returned_within_amount" CHECK ("returned_minor" >= 0 AND "returned_minor" <= "amount_minor"),
  ADD CONSTRAINT "transaction_completed_within_amount" CHECK ("completed_minor" >= 0 AND "completed_minor" <= "amount_minor");

CREATE INDEX "transaction_terminal_id_batch_number_idx" ON "authorization"."transaction" ("terminal_id", "batch_number");
CREATE INDEX "transaction_merchant_id_created_at_idx" ON "authorization"."transaction" ("merchant_id", "created_at");
CREATE INDEX "transaction_business_day_idx" ON "authorization"."transaction" ("business_day");
CREATE INDEX "transaction_original_id_idx" ON "authorization"."transaction" ("original_id");
CREATE INDEX "transaction_approval_code_idx" ON "authorization"."transaction" ("approval_code");

CREATE TABLE "authorization"."terminal_batch" (
  "terminal_id" TEXT NOT NULL,
  "batch_number" INTEGER NOT NULL,
  "merchant_id" TEXT NOT NULL,
  "status" TEXT NOT NULL,
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "closed_at" TIMESTAMPTZ(3),
  "reconciliation" TEXT,
  "totals" JSONB NOT NULL DEFAULT '[]',
  CONSTRAINT "terminal_batch_pkey" PRIMARY KEY ("terminal_id", "batch_number")
);
-- One open batch per terminal.
CREATE UNIQUE INDEX "terminal_batch_one_open" ON "authorization"."terminal_batch" ("terminal_id") WHERE "status" = 'open';
