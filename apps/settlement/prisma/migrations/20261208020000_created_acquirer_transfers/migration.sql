-- The acquirer's per-transfer files (transfers/): one row per file, identified by the SHA-256 of
-- its bytes and by the transfer it describes, and its lines, each matched against our settlement
-- lines set-based when the file is imported.
CREATE TABLE "settlement"."acquirer_transfer" (
    "id" UUID PRIMARY KEY,
    "acquirer_id" TEXT NOT NULL,
    -- The bank transfer's reference, as the bank statement shows it on the credit.
    "transfer_reference" TEXT NOT NULL,
    "value_date" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    -- What the transfer moves: the lines' signed gross minus their fees (a file where it is not is refused).
    "amount_minor" BIGINT NOT NULL,
    "gross_minor" BIGINT NOT NULL,
    "fee_minor" BIGINT NOT NULL CHECK ("fee_minor" >= 0),
    "line_count" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_name" TEXT,
    "layout" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "acquirer_transfer_amount_check" CHECK ("amount_minor" = "gross_minor" - "fee_minor"),
    -- The same bytes again are the same import; another file for the same transfer is refused.
    CONSTRAINT "acquirer_transfer_acquirer_sha256_key" UNIQUE ("acquirer_id", "sha256"),
    CONSTRAINT "acquirer_transfer_reference_key" UNIQUE ("acquirer_id", "transfer_reference")
);

CREATE TABLE "settlement"."acquirer_transfer_line" (
    "transfer_id" UUID NOT NULL REFERENCES "settlement"."acquirer_transfer" ("id"),
    "line_no" INTEGER NOT NULL,
    -- The acquirer names each transaction by its terminal and RRN (ISO 8583 fields 41 and 37), as in its settlement report.
    "terminal_id" TEXT NOT NULL,
    "rrn" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "direction" TEXT NOT NULL CHECK ("direction" IN ('debit', 'credit')),
    "gross_minor" BIGINT NOT NULL CHECK ("gross_minor" >= 0),
    -- The fee the acquirer withheld from this line.
    "fee_minor" BIGINT NOT NULL CHECK ("fee_minor" >= 0),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    -- paid: our line's amount in full; short: less (the difference is our amount minus the gross);
    -- over: more; duplicate: our line was already paid (by an earlier transfer or an earlier line
    -- of this file); unknown: no line of ours.
    "outcome" TEXT NOT NULL CHECK ("outcome" IN ('paid', 'short', 'over', 'duplicate', 'unknown')),
    "our_transaction_id" UUID,
    "our_event" TEXT,
    "our_amount_minor" BIGINT,
    CONSTRAINT "acquirer_transfer_line_pkey" PRIMARY KEY ("transfer_id", "line_no"),
    CONSTRAINT "acquirer_transfer_line_ours_check" CHECK (("our_transaction_id" IS NULL) = ("outcome" = 'unknown'))
);
-- Each of our lines is paid by one transfer line at most (a second one is a duplicate).
CREATE UNIQUE INDEX "acquirer_transfer_line_paid_key" ON "settlement"."acquirer_transfer_line" ("our_transaction_id", "our_event")
    WHERE "outcome" IN ('paid', 'short', 'over');
-- The statement credits a transfer is looked up by.
CREATE INDEX "bank_statement_entry_reference_idx" ON "settlement"."bank_statement_entry" ("reference");
