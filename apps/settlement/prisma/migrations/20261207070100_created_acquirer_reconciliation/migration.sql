-- An acquirer's settlement report as imported (one row per file, identified by the SHA-256 of its
-- bytes), its lines as the acquirer reported them, and the breaks found matching them against
-- our settlement lines of the same acquirer and business day.
CREATE TABLE "settlement"."acquirer_report" (
    "id" UUID PRIMARY KEY,
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_name" TEXT,
    "layout" TEXT NOT NULL,
    "line_count" INTEGER NOT NULL,
    -- current: the day's report; replaced: an operator imported another file for the day in its place.
    "status" TEXT NOT NULL DEFAULT 'current' CHECK ("status" IN ('current', 'replaced')),
    "replaced_by" UUID REFERENCES "settlement"."acquirer_report" ("id"),
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- The same bytes again are the same import.
    CONSTRAINT "acquirer_report_acquirer_sha256_key" UNIQUE ("acquirer_id", "sha256")
);
-- One current report per acquirer and day: another file for it replaces the first, explicitly.
CREATE UNIQUE INDEX "acquirer_report_current_day_key" ON "settlement"."acquirer_report" ("acquirer_id", "business_day") WHERE "status" = 'current';

CREATE TABLE "settlement"."acquirer_report_line" (
    "report_id" UUID NOT NULL REFERENCES "settlement"."acquirer_report" ("id"),
    "line_no" INTEGER NOT NULL,
    -- The acquirer names each transaction by its terminal and RRN (ISO 8583 fields 41 and 37).
    "terminal_id" TEXT NOT NULL,
    "rrn" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "direction" TEXT NOT NULL CHECK ("direction" IN ('debit', 'credit')),
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "currency" CHAR(3) NOT NULL,
    -- The acquirer's fee for this line, as it reported it.
    "fee_minor" BIGINT NOT NULL CHECK ("fee_minor" >= 0),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    -- Our settlement line it was paired with (same terminal, RRN and direction), null when none.
    "matched_transaction_id" UUID,
    "matched_event" TEXT,
    CONSTRAINT "acquirer_report_line_pkey" PRIMARY KEY ("report_id", "line_no")
);

CREATE TABLE "settlement"."reconciliation_break" (
    "id" UUID PRIMARY KEY,
    "report_id" UUID NOT NULL REFERENCES "settlement"."acquirer_report" ("id"),
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('missing_ours', 'missing_theirs', 'amount_difference', 'fee_difference')),
    "terminal_id" TEXT NOT NULL,
    "rrn" TEXT,
    "direction" TEXT NOT NULL CHECK ("direction" IN ('debit', 'credit')),
    "currency" CHAR(3) NOT NULL,
    -- Our side: the settlement line (null when missing on ours), its amount, the fee expected.
    "our_transaction_id" UUID,
    "our_event" TEXT,
    "our_amount_minor" BIGINT,
    "our_fee_minor" BIGINT,
    -- Their side: the report line (null when missing on theirs), its amount and fee.
    "their_line_no" INTEGER,
    "their_amount_minor" BIGINT,
    "their_fee_minor" BIGINT,
    -- open -> resolved by an operator with a reason; replaced when its report was replaced while it was open.
    "status" TEXT NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'resolved', 'replaced')),
    "resolution_reason" TEXT,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reconciliation_break_resolution_check" CHECK (("status" = 'resolved') = ("resolved_at" IS NOT NULL AND length(btrim("resolution_reason")) > 0))
);
CREATE INDEX "reconciliation_break_report_idx" ON "settlement"."reconciliation_break" ("report_id");
CREATE INDEX "reconciliation_break_day_idx" ON "settlement"."reconciliation_break" ("acquirer_id", "business_day", "status");
