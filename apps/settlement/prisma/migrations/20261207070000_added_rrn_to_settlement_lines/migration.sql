-- The host's RRN (ISO 8583 field 37) on each settlement line, from the transaction event (null
-- when the event carries none): with the terminal, what an acquirer's report names a line by.
ALTER TABLE "settlement"."settlement_line" ADD COLUMN "rrn" TEXT;
-- A day's lines of an acquirer, open or closed, as the reconciliation reads them.
CREATE INDEX "settlement_line_day_idx" ON "settlement"."settlement_line" ("acquirer_id", "business_day");
