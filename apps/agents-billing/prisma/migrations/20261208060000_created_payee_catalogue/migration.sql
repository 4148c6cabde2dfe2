-- The payee catalogue: who may be paid, the format of a payer's account at each payee (a pattern
-- and a check-digit algorithm), the amount limits per payment and the payer's fee. An agent's
-- payment now names the payer's account (null on the payments made before this migration).
CREATE TABLE "agents_billing"."payee" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "account_pattern" TEXT NOT NULL,
    "account_checksum" TEXT NOT NULL,
    "min_amount" BIGINT,
    "max_amount" BIGINT,
    "fee_percent_basis_points" INTEGER NOT NULL DEFAULT 0,
    "fee_fixed" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payee_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payee_status_known" CHECK ("status" IN ('active', 'suspended')),
    CONSTRAINT "payee_account_checksum_known" CHECK ("account_checksum" IN ('none', 'luhn', 'mod97', 'mod11')),
    CONSTRAINT "payee_amount_limits" CHECK ("min_amount" IS NULL OR "max_amount" IS NULL OR "min_amount" <= "max_amount"),
    CONSTRAINT "payee_fee_not_negative" CHECK ("fee_percent_basis_points" BETWEEN 0 AND 10000 AND "fee_fixed" >= 0)
);
CREATE INDEX "payee_status_idx" ON "agents_billing"."payee"("status", "id");

ALTER TABLE "agents_billing"."agent_payment" ADD COLUMN "account" TEXT;
