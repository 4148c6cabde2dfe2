-- Bank statements imported from files (camt.053, camt.054, MT940): the import of each file (one
-- per file content), its statements with their balances, and their entries. A file's statements
-- are stored in one transaction or not at all.
CREATE TABLE "settlement"."statement_import" (
    "id" UUID PRIMARY KEY,
    -- SHA-256 of the file's bytes: the same file again answers this import.
    "file_sha256" CHAR(64) NOT NULL,
    "file_name" TEXT,
    "format" TEXT NOT NULL CHECK ("format" IN ('camt053', 'camt054', 'mt940')),
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- The operator key's id (a prefix of its configured SHA-256 hash), never the key.
    "imported_by" TEXT,
    -- Why an operator let a sequence gap through.
    "gap_reason" TEXT,
    CONSTRAINT "statement_import_file_key" UNIQUE ("file_sha256")
);

CREATE TABLE "settlement"."bank_statement" (
    "id" UUID PRIMARY KEY,
    "import_id" UUID NOT NULL REFERENCES "settlement"."statement_import" ("id"),
    -- Its place in the file, from 1.
    "position" INTEGER NOT NULL,
    -- The configured bank account (SETTLEMENT_BANK_ACCOUNTS) and the account number the statement names.
    "bank_account_id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "format" TEXT NOT NULL CHECK ("format" IN ('camt053', 'camt054', 'mt940')),
    -- The bank's id: camt Stmt/Ntfctn Id, MT940 :20:.
    "bank_statement_id" TEXT NOT NULL,
    -- camt ids identify a statement; an MT940 :20: only when there is no :28C: number (banks reuse it).
    "identified_by_id" BOOLEAN NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sequence_number" INTEGER,
    "sequence_page" INTEGER,
    "profile" TEXT NOT NULL,
    "opening_minor" BIGINT,
    "opening_date" DATE,
    "closing_minor" BIGINT,
    "closing_date" DATE,
    "forward_available_minor" BIGINT,
    "forward_available_date" DATE,
    "entry_count" INTEGER NOT NULL,
    "credit_minor" BIGINT NOT NULL CHECK ("credit_minor" >= 0),
    "debit_minor" BIGINT NOT NULL CHECK ("debit_minor" >= 0),
    "warnings" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "bank_statement_import_position_key" UNIQUE ("import_id", "position")
);
-- The same statement is imported once: by its number (and page) in its account's series, and by its id where that identifies it.
CREATE UNIQUE INDEX "bank_statement_sequence_key" ON "settlement"."bank_statement" ("bank_account_id", "sequence_number", coalesce("sequence_page", 1))
    WHERE "sequence_number" IS NOT NULL;
CREATE UNIQUE INDEX "bank_statement_id_key" ON "settlement"."bank_statement" ("bank_account_id", "bank_statement_id") WHERE "identified_by_id";

CREATE TABLE "settlement"."bank_statement_entry" (
    "statement_id" UUID NOT NULL REFERENCES "settlement"."bank_statement" ("id"),
    -- Its place in the statement, from 1.
    "position" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL CHECK ("amount_minor" >= 0),
    "currency" CHAR(3) NOT NULL,
    "direction" TEXT NOT NULL CHECK ("direction" IN ('credit', 'debit')),
    "status" TEXT NOT NULL CHECK ("status" IN ('booked', 'pending', 'info')),
    "reversal" BOOLEAN NOT NULL,
    "booking_date" DATE NOT NULL,
    "value_date" DATE,
    "reference" TEXT,
    "remittance_info" TEXT,
    CONSTRAINT "bank_statement_entry_pkey" PRIMARY KEY ("statement_id", "position")
);
