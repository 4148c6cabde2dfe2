-- The daily journal-entry files of the postings: one per business day and currency, made once
-- every configured acquirer has closed that day. The sequence is allocated once and kept: a retry
-- or a re-send writes the same file from the same acquirers' postings (immutable), never a new one.
CREATE TABLE "settlement"."journal_file" (
    "id" UUID PRIMARY KEY,
    "business_day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sequence" INTEGER NOT NULL CHECK ("sequence" >= 1),
    -- The acquirers whose postings the file lists (their batches of the day are closed, so fixed).
    "acquirers" TEXT[] NOT NULL,
    "layout" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "file_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'failed')),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "byte_length" BIGINT,
    "sha256" CHAR(64),
    "entry_count" INTEGER,
    "debit_minor" BIGINT,
    "credit_minor" BIGINT,
    "destination" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "journal_file_day_currency_key" UNIQUE ("business_day", "currency"),
    CONSTRAINT "journal_file_sequence_key" UNIQUE ("sequence")
);
CREATE INDEX "journal_file_due_idx" ON "settlement"."journal_file" ("next_attempt_at") WHERE "status" = 'pending';
