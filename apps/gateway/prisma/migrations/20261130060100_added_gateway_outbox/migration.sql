-- The gateway's outbox (and inbox, as every service has): a register's abandoned operation is
-- announced to authorization in the same transaction that records it on the idempotency key,
-- so the register is never told "being reversed" without the reversal being asked for.
CREATE TABLE "gateway"."outbox_message" (
  "id" UUID PRIMARY KEY, "topic" TEXT NOT NULL, "message_key" TEXT NOT NULL,
  "payload" JSONB NOT NULL, "headers" JSONB NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(), "published_at" TIMESTAMPTZ(3),
  "attempts" INTEGER NOT NULL DEFAULT 0, "last_error" TEXT);
CREATE INDEX "outbox_message_unpublished_idx" ON "gateway"."outbox_message" ("created_at") WHERE "published_at" IS NULL;
CREATE TABLE "gateway"."inbox_message" (
  "message_id" TEXT NOT NULL, "consumer" TEXT NOT NULL, "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("message_id", "consumer"));
