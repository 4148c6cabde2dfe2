-- What an acquirer's transaction file names a line by besides the RRN: the card as masked by
-- authorization (first 6 and last 4 digits only; the check refuses anything that could be a whole
-- card number) and the host's approval code, both from the transaction event (null when absent).
ALTER TABLE "settlement"."settlement_line"
  ADD COLUMN "masked_pan" TEXT CONSTRAINT "settlement_line_masked_pan_check" CHECK ("masked_pan" ~ '^[0-9]{6}\*{3,9}[0-9]{4}$'),
  ADD COLUMN "approval_code" TEXT;
