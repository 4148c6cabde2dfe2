-- Postings to the bank's chart of accounts, booked by the close of day in the batch's transaction:
-- per batch, one journal entry per (debit account, credit account, currency) with its debit and
-- credit entries, and the kinds of lines it sums with the rule that mapped them. Never changed or
-- deleted: a correction is a new posting.
CREATE TABLE "settlement"."settlement_posting" (
    "id" UUID PRIMARY KEY,
    "batch_id" UUID NOT NULL REFERENCES "settlement"."settlement_batch" ("id"),
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    "debit_account" TEXT NOT NULL,
    "credit_account" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "line_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "settlement_posting_batch_accounts_key" UNIQUE ("batch_id", "debit_account", "credit_account", "currency"),
    CHECK ("debit_account" <> "credit_account")
);

-- The two sides of each posting, as the trial balance and the journal files read them.
CREATE TABLE "settlement"."settlement_posting_entry" (
    "posting_id" UUID NOT NULL REFERENCES "settlement"."settlement_posting" ("id"),
    "side" TEXT NOT NULL CHECK ("side" IN ('debit', 'credit')),
    "account" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "acquirer_id" TEXT NOT NULL,
    "business_day" DATE NOT NULL,
    CONSTRAINT "settlement_posting_entry_pkey" PRIMARY KEY ("posting_id", "side")
);
CREATE INDEX "settlement_posting_entry_day_idx" ON "settlement"."settlement_posting_entry" ("business_day", "currency");

-- Which lines a posting sums: the batch's lines of this event, operation, direction, merchant,
-- scheme ('unknown' for lines whose event named none) and currency, and the rule that posted them.
CREATE TABLE "settlement"."settlement_posting_source" (
    "posting_id" UUID NOT NULL REFERENCES "settlement"."settlement_posting" ("id"),
    "rule_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "merchant_id" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "line_count" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    CONSTRAINT "settlement_posting_source_pkey" PRIMARY KEY ("posting_id", "event", "operation", "direction", "merchant_id", "scheme", "currency")
);

CREATE FUNCTION "settlement"."refuse_posting_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'postings are immutable (%): a correction is a new posting', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER "settlement_posting_immutable" BEFORE UPDATE OR DELETE ON "settlement"."settlement_posting"
  FOR EACH ROW EXECUTE FUNCTION "settlement"."refuse_posting_change"();
CREATE TRIGGER "settlement_posting_entry_immutable" BEFORE UPDATE OR DELETE ON "settlement"."settlement_posting_entry"
  FOR EACH ROW EXECUTE FUNCTION "settlement"."refuse_posting_change"();
CREATE TRIGGER "settlement_posting_source_immutable" BEFORE UPDATE OR DELETE ON "settlement"."settlement_posting_source"
  FOR EACH ROW EXECUTE FUNCTION "settlement"."refuse_posting_change"();
