-- The transaction journal: every attempt, approved or not, with its status history.
CREATE SCHEMA IF NOT EXISTS "authorization";

CREATE TABLE "authorization"."transaction" (
    "id" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "currency" CHAR(3) NOT NULL,
    "request_hash" TEXT NOT NULL,
    "card_token" TEXT,
    "masked_pan" TEXT,
    "card_scheme" TEXT,
    "pan_key_id" TEXT,
    "pan_ciphertext" TEXT,
    "stan" TEXT,
    "rrn" TEXT,
    "host_sent_at" TIMESTAMPTZ(3),
    "approval_code" TEXT,
    "response_code" TEXT,
    "status" TEXT NOT NULL,
    "status_reason" TEXT,
    "business_day" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "transaction_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "transaction_terminal_id_created_at_idx" ON "authorization"."transaction"("terminal_id", "created_at");
CREATE INDEX "transaction_card_token_idx" ON "authorization"."transaction"("card_token");
CREATE INDEX "transaction_rrn_idx" ON "authorization"."transaction"("rrn");

CREATE TABLE "authorization"."transaction_status_change" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "response_code" TEXT,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "transaction_status_change_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "transaction_status_change_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "authorization"."transaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "transaction_status_change_transaction_id_at_idx" ON "authorization"."transaction_status_change"("transaction_id", "at");

-- Store-and-forward reversals: one per transaction at most, so nothing is reversed twice.
CREATE TABLE "authorization"."reversal" (
    "transaction_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    CONSTRAINT "reversal_pkey" PRIMARY KEY ("transaction_id"),
    CONSTRAINT "reversal_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "authorization"."transaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "reversal_status_next_attempt_at_idx" ON "authorization"."reversal"("status", "next_attempt_at");

-- Transactional outbox and inbox (libs/messaging/sql/outbox-inbox.sql).
CREATE TABLE "authorization"."outbox_message" (
    "id" UUID PRIMARY KEY, "topic" TEXT NOT NULL, "message_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL, "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(), "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0, "last_error" TEXT);
CREATE INDEX "outbox_message_unpublished_idx" ON "authorization"."outbox_message" ("created_at") WHERE "published_at" IS NULL;
CREATE TABLE "authorization"."inbox_message" (
    "message_id" TEXT NOT NULL, "consumer" TEXT NOT NULL, "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("message_id", "consumer"));
