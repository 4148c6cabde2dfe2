-- A payer's change PIN (issue 10 review): one row per change account (its id is keyed by the
-- account's id, itself an HMAC of the phone and currency), the PIN only as a salted scrypt hash,
-- and the count of wrong PINs in a row with the lock it leads to (5 wrong: 30 minutes).
CREATE TABLE "agents_billing"."change_holder_pin" (
    "change_account_id" UUID NOT NULL,
    "pin_salt" TEXT NOT NULL,
    "pin_hash" TEXT NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "change_holder_pin_pkey" PRIMARY KEY ("change_account_id"),
    CONSTRAINT "change_holder_pin_attempts_not_negative" CHECK ("failed_attempts" >= 0)
);
