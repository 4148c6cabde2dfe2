-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "persistence_fixture";

-- CreateTable
CREATE TABLE "persistence_fixture"."account" (
    "id" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "metadata" JSONB,
    "fingerprint" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_holder_key" ON "persistence_fixture"."account"("holder");
