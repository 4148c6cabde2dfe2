-- Approved totals per business day, terminal and currency; inbox/outbox of the service.
CREATE SCHEMA IF NOT EXISTS "settlement";

CREATE TABLE "settlement"."terminal_day_total" (
    "business_day" DATE NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "terminal_day_total_pkey" PRIMARY KEY ("business_day", "terminal_id", "currency")
);

CREATE TABLE "settlement"."outbox_message" (
    "id" UUID PRIMARY KEY, "topic" TEXT NOT NULL, "message_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL, "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(), "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0, "last_error" TEXT);
CREATE INDEX "outbox_message_unpublished_idx" ON "settlement"."outbox_message" ("created_at") WHERE "published_at" IS NULL;
CREATE TABLE "settlement"."inbox_message" (
    "message_id" TEXT NOT NULL, "consumer" TEXT NOT NULL, "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("message_id", "consumer"));
