-- The acquirer's transaction file of each closed batch. The sequence is allocated once per batch
-- (unique per acquirer) and kept: a retry or a re-send writes the same file, never a new number.
CREATE TABLE "settlement"."settlement_file" (
    "id" UUID PRIMARY KEY,
    "batch_id" UUID NOT NULL REFERENCES "settlement"."settlement_batch" ("id"),
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "sequence" INTEGER NOT NULL CHECK ("sequence" >= 1),
    -- A shipped layout's name or a layout file's path, and the values its header and name take.
    "layout" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "file_name" TEXT NOT NULL,
    -- The file's own moment (its header's createdAt): a re-generation passes it again.
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'failed')),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    -- When the pass takes it next (also a lease: a pass that died half-way is retried after it).
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "byte_length" BIGINT,
    "sha256" CHAR(64),
    "detail_count" INTEGER,
    "totals" JSONB,
    "destination" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "settlement_file_batch_key" UNIQUE ("batch_id"),
    CONSTRAINT "settlement_file_acquirer_sequence_key" UNIQUE ("acquirer_id", "sequence")
);
CREATE INDEX "settlement_file_due_idx" ON "settlement"."settlement_file" ("next_attempt_at") WHERE "status" = 'pending';

-- A batch's lines read in file order, a page at a time (keyset), without sorting the batch per page.
CREATE INDEX "settlement_line_batch_order_idx" ON "settlement"."settlement_line" ("batch_id", "occurred_at", "transaction_id", "event");
