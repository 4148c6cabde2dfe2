-- Its first table: the accounts of the double-entry ledger (postings come with the agents issue).
CREATE SCHEMA IF NOT EXISTS "agents_billing";

CREATE TABLE "agents_billing"."ledger_account" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_account_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ledger_account_code_key" ON "agents_billing"."ledger_account"("code");
