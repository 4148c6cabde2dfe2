/**
 * The ledger's tables as plain SQL DDL, unqualified (they land in the first schema of search_path:
 * the owning service's schema). An app copies this into a migration of its own; the specs apply it
 * to a fresh schema. The CHECK constraints are the database's own guard of the limits: even a
 * faulty writer cannot leave an account past its limit or a balance negative.
 */
export function ledgerSchemaSql(): string {
  return `
CREATE TABLE "ledger_account_balance" (
    "id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "debits_must_not_exceed_credits" BOOLEAN NOT NULL DEFAULT false,
    "credit_limit" BIGINT NOT NULL DEFAULT 0,
    "credits_must_not_exceed_debits" BOOLEAN NOT NULL DEFAULT false,
    "debits_pending" BIGINT NOT NULL DEFAULT 0,
    "debits_posted" BIGINT NOT NULL DEFAULT 0,
    "credits_pending" BIGINT NOT NULL DEFAULT 0,
    "credits_posted" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_account_balance_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_account_balance_not_negative" CHECK ("credit_limit" >= 0 AND "debits_pending" >= 0 AND "debits_posted" >= 0 AND "credits_pending" >= 0 AND "credits_posted" >= 0),
    CONSTRAINT "ledger_account_balance_debits_within_credits" CHECK (NOT "debits_must_not_exceed_credits" OR "debits_pending" + "debits_posted" <= "credits_posted" + "credit_limit"),
    CONSTRAINT "ledger_account_balance_credits_within_debits" CHECK (NOT "credits_must_not_exceed_debits" OR "credits_pending" + "credits_posted" <= "debits_posted")
);

-- One row per transfer, never updated nor deleted; each side's balances right after it make the
-- account history and the balance at any point in time one index lookup. No foreign keys to the
-- accounts: they would double the cost of an insert, and the statement that writes a transfer also
-- updates both its accounts (compare and set, counted), which proves they exist; accounts are never
-- deleted (trigger below).
CREATE TABLE "ledger_transfer" (
    "sequence" BIGINT GENERATED ALWAYS AS IDENTITY,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "debit_account_id" UUID NOT NULL,
    "credit_account_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "pending_id" UUID,
    "expires_at" TIMESTAMPTZ(3),
    "reference" TEXT,
    "request_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "debit_debits_pending" BIGINT NOT NULL,
    "debit_debits_posted" BIGINT NOT NULL,
    "debit_credits_pending" BIGINT NOT NULL,
    "debit_credits_posted" BIGINT NOT NULL,
    "credit_debits_pending" BIGINT NOT NULL,
    "credit_debits_posted" BIGINT NOT NULL,
    "credit_credits_pending" BIGINT NOT NULL,
    "credit_credits_posted" BIGINT NOT NULL,
    CONSTRAINT "ledger_transfer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_transfer_type_known" CHECK ("type" IN ('posted', 'pending', 'post', 'void', 'expire')),
    CONSTRAINT "ledger_transfer_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "ledger_transfer_two_accounts" CHECK ("debit_account_id" <> "credit_account_id")
);
-- A pending transfer is posted, voided or expired once at most.
CREATE UNIQUE INDEX "ledger_transfer_pending_id_key" ON "ledger_transfer"("pending_id") WHERE "pending_id" IS NOT NULL;
CREATE INDEX "ledger_transfer_debit_history_idx" ON "ledger_transfer"("debit_account_id", "sequence");
CREATE INDEX "ledger_transfer_credit_history_idx" ON "ledger_transfer"("credit_account_id", "sequence");

-- The reservations still open: the expiry sweep reads only these.
CREATE TABLE "ledger_pending_open" (
    "pending_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    CONSTRAINT "ledger_pending_open_pkey" PRIMARY KEY ("pending_id")
);
CREATE INDEX "ledger_pending_open_expires_at_idx" ON "ledger_pending_open"("expires_at") WHERE "expires_at" IS NOT NULL;

-- Corrections are new transfers: the database refuses to change or remove one, or an account.
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable: correct with a new transfer', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER "ledger_transfer_immutable" BEFORE UPDATE OR DELETE ON "ledger_transfer"
    FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_account_balance_kept" BEFORE DELETE ON "ledger_account_balance"
    FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
`;
}
