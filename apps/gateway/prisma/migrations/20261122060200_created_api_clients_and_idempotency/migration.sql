-- API clients (terminals) and idempotency records of the gateway.
CREATE SCHEMA IF NOT EXISTS "gateway";

CREATE TABLE "gateway"."api_client" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "currencies" TEXT[],
    "key_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_client_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_client_terminal_id_key" ON "gateway"."api_client"("terminal_id");
CREATE UNIQUE INDEX "api_client_key_hash_key" ON "gateway"."api_client"("key_hash");

CREATE TABLE "gateway"."idempotency_record" (
    "client_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "transaction_id" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("client_id", "key")
);
CREATE UNIQUE INDEX "idempotency_record_transaction_id_key" ON "gateway"."idempotency_record"("transaction_id");
