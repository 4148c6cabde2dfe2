-- Cash specifics (issue 10, section 4). Change needs no table of its own: a payer's change account
-- is a ledger account whose id is derived from the phone number and currency, and its operations
-- are ledger transfers under the caller's ids. Scratch vouchers: providers' batches, one row per
-- voucher with its code encrypted (envelope AES-256-GCM under a key id) and a keyed fingerprint
-- for duplicates, the agents' sales, and the low-stock thresholds.
CREATE TABLE "agents_billing"."voucher_batch" (
    "id" UUID NOT NULL,
    "provider_id" TEXT NOT NULL,
    "denomination" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "voucher_count" INTEGER NOT NULL,
    "request_hash" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "voucher_batch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "voucher_batch_denomination_positive" CHECK ("denomination" > 0)
);

CREATE TABLE "agents_billing"."voucher" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "provider_id" TEXT NOT NULL,
    "denomination" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "serial" TEXT NOT NULL,
    "code_key_id" TEXT NOT NULL,
    "code_ciphertext" TEXT NOT NULL,
    "code_fingerprint" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'available',
    "sale_id" UUID,
    "node_id" UUID,
    "sold_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "blocked_at" TIMESTAMPTZ(3),
    CONSTRAINT "voucher_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "voucher_batch_fkey" FOREIGN KEY ("batch_id") REFERENCES "agents_billing"."voucher_batch"("id"),
    CONSTRAINT "voucher_status_known" CHECK ("status" IN ('available', 'sold', 'returned', 'blocked')),
    CONSTRAINT "voucher_sold_has_sale" CHECK ("status" <> 'sold' OR "sale_id" IS NOT NULL)
);
CREATE UNIQUE INDEX "voucher_provider_serial_key" ON "agents_billing"."voucher"("provider_id", "serial");
CREATE UNIQUE INDEX "voucher_provider_code_key" ON "agents_billing"."voucher"("provider_id", "code_fingerprint");
CREATE UNIQUE INDEX "voucher_sale_key" ON "agents_billing"."voucher"("sale_id");
CREATE INDEX "voucher_stock_idx" ON "agents_billing"."voucher"("provider_id", "denomination", "currency", "status");
CREATE INDEX "voucher_batch_idx" ON "agents_billing"."voucher"("batch_id");

CREATE TABLE "agents_billing"."voucher_sale" (
    "id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "provider_id" TEXT NOT NULL,
    "denomination" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "voucher_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'reserved',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3),
    CONSTRAINT "voucher_sale_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "voucher_sale_status_known" CHECK ("status" IN ('reserved', 'posted'))
);

CREATE TABLE "agents_billing"."voucher_stock_threshold" (
    "provider_id" TEXT NOT NULL,
    "denomination" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "minimum_available" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "voucher_stock_threshold_pkey" PRIMARY KEY ("provider_id", "denomination", "currency"),
    CONSTRAINT "voucher_stock_threshold_not_negative" CHECK ("minimum_available" >= 0)
);
