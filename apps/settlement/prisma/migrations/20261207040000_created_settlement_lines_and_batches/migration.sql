-- Settlement lines (one per money-moving transaction event), the batches a close of day freezes
-- them into, and each batch's totals per merchant, terminal, scheme and currency.
CREATE TABLE "settlement"."settlement_batch" (
    "id" UUID PRIMARY KEY,
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "line_count" INTEGER NOT NULL DEFAULT 0,
    "late_line_count" INTEGER NOT NULL DEFAULT 0,
    -- One batch per acquirer and day: a second close finds it, a concurrent one waits for it.
    CONSTRAINT "settlement_batch_acquirer_day_key" UNIQUE ("acquirer_id", "business_day")
);

CREATE TABLE "settlement"."settlement_line" (
    "transaction_id" UUID NOT NULL,
    "event" TEXT NOT NULL CHECK ("event" IN ('authorized', 'reversed')),
    "acquirer_id" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "terminal_id" TEXT NOT NULL,
    "scheme" TEXT,
    "operation" TEXT NOT NULL,
    "direction" TEXT NOT NULL CHECK ("direction" IN ('debit', 'credit')),
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "currency" CHAR(3) NOT NULL,
    "fee_minor" BIGINT,
    "original_transaction_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    -- The day the event's time falls in, by the acquirer's cut-off.
    "event_business_day" DATE NOT NULL,
    -- The day it counts in: a later one when its own day was already closed (then late).
    "business_day" DATE NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "batch_id" UUID REFERENCES "settlement"."settlement_batch" ("id"),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "settlement_line_pkey" PRIMARY KEY ("transaction_id", "event")
);
CREATE INDEX "settlement_line_open_idx" ON "settlement"."settlement_line" ("acquirer_id", "business_day") WHERE "batch_id" IS NULL;
CREATE INDEX "settlement_line_batch_idx" ON "settlement"."settlement_line" ("batch_id");

CREATE TABLE "settlement"."settlement_batch_total" (
    "batch_id" UUID NOT NULL REFERENCES "settlement"."settlement_batch" ("id"),
    "merchant_id" TEXT NOT NULL,
    "terminal_id" TEXT NOT NULL,
    -- 'unknown' for lines whose event named no card scheme.
    "scheme" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "line_count" INTEGER NOT NULL,
    "debit_minor" BIGINT NOT NULL,
    "credit_minor" BIGINT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    CONSTRAINT "settlement_batch_total_pkey" PRIMARY KEY ("batch_id", "merchant_id", "terminal_id", "scheme", "currency")
);
